import { createAnatomy } from '../kit/createAnatomy.js'

/** Avatar's parts: the picture, the initials shown without one, the presence dot. */
export const avatarAnatomy = createAnatomy('avatar').parts('root', 'image', 'fallback', 'presence')
