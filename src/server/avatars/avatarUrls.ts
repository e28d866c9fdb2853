/** Where the handler serves a stored picture, below its origin. */
export const AVATAR_PATH = '/v3.0/avatars/'

const ownPicture = /\/v3\.0\/avatars\/([0-9a-f]{64})\.webp$/

/** The URL a user's `avatar` gets for a stored picture. */
export function avatarUrl(origin: string, hash: string): string {
  return `${origin.replace(/\/+$/, '')}${AVATAR_PATH}${hash}.webp`
}

/** The hash of a picture this server stores, when `avatar` names one; otherwise undefined. */
export function avatarHashOf(avatar: string | undefined): string | undefined {
  return avatar === undefined ? undefined : ownPicture.exec(avatar)?.[1]
}
