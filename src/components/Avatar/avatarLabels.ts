/** What Avatar says to screen readers. */
export interface AvatarLabels {
  /** The accessible name of an avatar. */
  avatarOf: (name: string) => string
  /** The same, with the presence dot shown. */
  avatarWithPresence: (name: string, online: boolean) => string
}

export const avatarLabels: AvatarLabels = {
  avatarOf: (name) => name,
  avatarWithPresence: (name, online) => `${name} (${online ? 'online' : 'offline'})`,
}

declare module '../../react/context.js' {
  interface UserkitLabels {
    avatar: AvatarLabels
  }
}
