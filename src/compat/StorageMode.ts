/** Where the logged-in user is kept between page loads: `localStorage` or `sessionStorage`. */
export const StorageMode = {
  LOCAL: 'local',
  SESSION: 'session',
} as const

export type StorageMode = (typeof StorageMode)[keyof typeof StorageMode]
