import type { CreateUserInput, UserClient } from 'userkit/client'
import { DEMO_ADMIN } from '../src/demoAdmin.js'
import { seedPicture } from './seedPictures.js'

interface Script {
  /** How many of the 199 seeded people (besides the admin) write their name this way. */
  people: number
  /** [name as written, uid-safe romanization] */
  given: [string, string][]
  family: [string, string][]
  /** How a full name is put together. */
  order: 'given-family' | 'family-given'
  separator: string
  status: string[]
  city: string[]
}

// Names and status lines in the scripts people type their names in: enough for search, sorting,
// initials and right-to-left text to meet real data.
const SCRIPTS: Script[] = [
  {
    people: 50,
    given: [['Ada', 'ada'], ['Grace', 'grace'], ['Alan', 'alan'], ['Margaret', 'margaret'], ['Linus', 'linus'], ['Barbara', 'barbara'], ['Tim', 'tim'], ['Edsger', 'edsger'], ['Frances', 'frances'], ['Dennis', 'dennis'], ['Radia', 'radia'], ['Ken', 'ken']],
    family: [['Lovelace', 'lovelace'], ['Hopper', 'hopper'], ['Turing', 'turing'], ['Hamilton', 'hamilton'], ['Liskov', 'liskov'], ['Dijkstra', 'dijkstra'], ['Allen', 'allen'], ['Ritchie', 'ritchie'], ['Perlman', 'perlman'], ['Thompson', 'thompson']],
    order: 'given-family',
    separator: ' ',
    status: ['In a meeting', 'Reviewing pull requests', 'On holiday until Monday', 'Debugging', 'Writing docs'],
    city: ['London', 'Boston', 'Amsterdam', 'Toronto'],
  },
  {
    people: 35,
    given: [['Zoé', 'zoe'], ['François', 'francois'], ['Søren', 'soren'], ['Jürgen', 'jurgen'], ['Łucja', 'lucja'], ['Inés', 'ines'], ['João', 'joao'], ['Ayşe', 'ayse']],
    family: [['Dubois', 'dubois'], ['Kierkegaard', 'kierkegaard'], ['Müller', 'muller'], ['Wąsowska', 'wasowska'], ['Núñez', 'nunez'], ['Gonçalves', 'goncalves'], ['Yılmaz', 'yilmaz']],
    order: 'given-family',
    separator: ' ',
    status: ['En réunion', 'Im Urlaub', 'Na kawie', 'De vacaciones', 'Toplantıda'],
    city: ['Paris', 'Berlin', 'Kraków', 'Lisboa', 'İstanbul'],
  },
  {
    people: 25,
    given: [['Анна', 'anna'], ['Иван', 'ivan'], ['Мария', 'maria'], ['Дмитрий', 'dmitry'], ['Ольга', 'olga'], ['Сергей', 'sergey']],
    family: [['Иванова', 'ivanova'], ['Петров', 'petrov'], ['Смирнова', 'smirnova'], ['Кузнецов', 'kuznetsov'], ['Попова', 'popova']],
    order: 'given-family',
    separator: ' ',
    status: ['На совещании', 'В отпуске', 'Работаю из дома'],
    city: ['Москва', 'Санкт-Петербург', 'Новосибирск'],
  },
  {
    people: 25,
    given: [['مريم', 'maryam'], ['أحمد', 'ahmad'], ['فاطمة', 'fatima'], ['يوسف', 'yusuf'], ['ليلى', 'layla'], ['عمر', 'omar']],
    family: [['الحسن', 'alhassan'], ['المنصور', 'almansour'], ['حداد', 'haddad'], ['خوري', 'khoury'], ['ناصر', 'nasser']],
    order: 'given-family',
    separator: ' ',
    status: ['في اجتماع', 'في إجازة', 'أعمل من المنزل'],
    city: ['القاهرة', 'بيروت', 'عمّان'],
  },
  {
    people: 30,
    given: [['由紀', 'yuki'], ['健', 'ken'], ['さくら', 'sakura'], ['伟', 'wei'], ['秀英', 'xiuying'], ['민준', 'minjun'], ['서연', 'seoyeon']],
    family: [['山田', 'yamada'], ['佐藤', 'sato'], ['王', 'wang'], ['李', 'li'], ['김', 'kim'], ['박', 'park']],
    order: 'family-given',
    separator: ' ',
    status: ['会議中', '在开会', '휴가 중', '出張中'],
    city: ['東京', '上海', '서울', '大阪'],
  },
  {
    people: 20,
    given: [['अनन्या', 'ananya'], ['राहुल', 'rahul'], ['प्रिया', 'priya'], ['अर्जुन', 'arjun'], ['दीपिका', 'deepika']],
    family: [['शर्मा', 'sharma'], ['वर्मा', 'verma'], ['पटेल', 'patel'], ['सिंह', 'singh'], ['गुप्ता', 'gupta']],
    order: 'given-family',
    separator: ' ',
    status: ['मीटिंग में', 'छुट्टी पर', 'घर से काम कर रहा हूँ'],
    city: ['मुंबई', 'दिल्ली', 'बेंगलुरु'],
  },
  {
    people: 8,
    given: [['Αλεξάνδρα', 'alexandra'], ['Νίκος', 'nikos'], ['Ελένη', 'eleni']],
    family: [['Παπαδοπούλου', 'papadopoulou'], ['Γεωργίου', 'georgiou'], ['Νικολάου', 'nikolaou']],
    order: 'given-family',
    separator: ' ',
    status: ['Σε σύσκεψη', 'Σε διακοπές'],
    city: ['Αθήνα', 'Θεσσαλονίκη'],
  },
  {
    people: 6,
    given: [['נועה', 'noa'], ['דוד', 'david'], ['תמר', 'tamar']],
    family: [['כהן', 'cohen'], ['לוי', 'levi'], ['מזרחי', 'mizrahi']],
    order: 'given-family',
    separator: ' ',
    status: ['בפגישה', 'בחופשה'],
    city: ['תל אביב', 'חיפה'],
  },
]

const TEAMS = ['engineering', 'design', 'support', 'sales', 'research', 'marketing', 'operations']
const EXTRA_TAGS = ['remote', 'on-call', 'mentor', 'new-joiner', 'beta-tester']
export const SEED_COUNT = 200

/**
 * 200 people, the same on every first start: names in eight scripts, a few admins and moderators,
 * tags, metadata (some private) and status messages. Who gets a picture is `withPicture`.
 */
export function seedUsers(): CreateUserInput[] {
  const users: CreateUserInput[] = [
    {
      uid: DEMO_ADMIN.uid,
      name: DEMO_ADMIN.name,
      role: 'admin',
      tags: ['operations', 'mentor'],
      statusMessage: 'Running the demo',
      metadata: { team: 'operations', city: 'Lagos', '@private': { phone: '+234 1 000 0000' } },
    },
  ]
  const taken = new Set<string>([DEMO_ADMIN.uid])
  // The k-th person of a script: given k mod G, family shifted by each round, so no pair comes twice.
  const people = SCRIPTS.flatMap((script) =>
    Array.from({ length: script.people }, (_, k) => ({ script, given: k % script.given.length, family: ((k % script.given.length) + Math.floor(k / script.given.length)) % script.family.length })),
  )
  people.forEach(({ script, given: g, family: f }, i) => {
    const [given, givenUid] = script.given[g] as [string, string]
    const [family, familyUid] = script.family[f] as [string, string]
    const name = script.order === 'given-family' ? `${given}${script.separator}${family}` : `${family}${script.separator}${given}`
    let uid = `${givenUid}-${familyUid}`
    for (let n = 2; taken.has(uid); n++) uid = `${givenUid}-${familyUid}-${n}`
    taken.add(uid)
    const team = TEAMS[i % TEAMS.length] as string
    const user: CreateUserInput = {
      uid,
      name,
      tags: i % 3 === 0 ? [team, EXTRA_TAGS[i % EXTRA_TAGS.length] as string] : [team],
      metadata: { team, city: script.city[i % script.city.length] as string },
    }
    if (i % 2 === 0) user.statusMessage = script.status[(i >> 1) % script.status.length] as string
    if (i % 5 === 0) user.link = `https://example.com/people/${uid}`
    if (i % 9 === 0) user.metadata = { ...user.metadata, '@private': { employeeId: `E-${1000 + i}` } }
    if (i % 37 === 5) user.role = 'admin'
    else if (i % 23 === 4) user.role = 'moderator'
    users.push(user)
  })
  return users
}

/** The admin and one in four of the others have a picture; the rest show their initials. */
const withPicture = (index: number): boolean => index === 0 || index % 4 === 2

/**
 * Seeds only an empty store (deactivated users count as users): a restart keeps what people did.
 * Pictures go through the upload endpoint as a person's would (`admin` must reach the handler under
 * the origin browsers use, which the stored URLs then name).
 */
export async function seedIfEmpty(admin: UserClient): Promise<number> {
  const page = await admin.listUsers({ perPage: 1, withDeactivated: true })
  if (page.pagination.total > 0) return 0
  const users = seedUsers()
  for (const [index, user] of users.entries()) {
    await admin.createUser(user)
    if (withPicture(index)) await admin.uploadAvatar(await seedPicture(index), { uid: user.uid })
  }
  return users.length
}

// A picture on a loopback origin: an uploaded one (/v3.0/avatars/…), or one of the demo's files
// that starts before uploads wrote.
const loopbackPicture = /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+(\/avatars\/[a-z]+\.svg|\/v3\.0\/avatars\/[0-9a-f]{64}\.webp)$/

/**
 * Pictures name the origin they were uploaded on; on another port they would not load. Points
 * them at `origin`, leaving every picture hosted elsewhere as people set it. Resolves how many moved.
 */
export async function repointSeededPictures(admin: UserClient, origin: string): Promise<number> {
  let moved = 0
  for (let page = 1; ; page++) {
    const { users, pagination } = await admin.listUsers({ perPage: 1000, page, withDeactivated: true })
    for (const user of users) {
      const path = user.avatar ? loopbackPicture.exec(user.avatar)?.[1] : undefined
      if (path === undefined || user.avatar === `${origin}${path}`) continue
      await admin.updateUser(user.uid, { avatar: `${origin}${path}` })
      moved++
    }
    if (page >= pagination.totalPages) return moved
  }
}
