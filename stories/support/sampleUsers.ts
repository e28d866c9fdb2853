import type { CreateUserInput } from '../../src/model/index.js'

/** Where the sample avatars are served (Storybook's staticDirs), as the absolute URL a User holds. */
export function sampleAvatar(name: string): string {
  return new URL(`/avatars/${name}.svg`, globalThis.location?.origin ?? 'http://localhost:6006').href
}

/** The people of the stories: roles, tags, long and right-to-left names, missing and broken avatars. */
export function sampleUsers(): CreateUserInput[] {
  return [
    { uid: 'ada', name: 'Ada Lovelace', avatar: sampleAvatar('ada'), role: 'admin', tags: ['engineering', 'founders'], statusMessage: 'Computing Bernoulli numbers', link: 'https://example.com/ada', metadata: { team: 'Analytical Engine', '@private': { phone: '+44 20 7946 0000' } } },
    { uid: 'grace', name: 'Grace Hopper', avatar: sampleAvatar('grace'), tags: ['engineering'], statusMessage: 'Debugging' },
    { uid: 'alan', name: 'Alan Turing', tags: ['research'], statusMessage: 'On a long run' },
    { uid: 'katherine', name: 'Katherine Johnson', avatar: 'https://broken.invalid/katherine.png', tags: ['research', 'nasa'] },
    { uid: 'maryam', name: 'مريم ميرزاخاني', tags: ['research'], statusMessage: 'في اجتماع' },
    { uid: 'hubert', name: 'Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Sr.', tags: ['support'], statusMessage: 'A name long enough to wrap, or to be cut short with an ellipsis where space is short' },
    { uid: 'linus', name: 'Linus Torvalds', tags: ['engineering'], role: 'default' },
    { uid: 'barbara', name: 'Barbara Liskov', tags: ['engineering', 'research'] },
    { uid: 'tim', name: 'Tim Berners-Lee', tags: ['founders'], link: 'https://example.com/www' },
    { uid: 'margaret', name: 'Margaret Hamilton', avatar: sampleAvatar('margaret'), tags: ['nasa', 'engineering'] },
    { uid: 'edsger', name: 'Edsger Dijkstra', tags: ['research'] },
    { uid: 'yuki', name: '山田 由紀', tags: ['support'] },
  ]
}
