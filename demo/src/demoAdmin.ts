/** The seeded admin: the console signs in as this user (a token, never a key). Shared with the seed. */
export const DEMO_ADMIN = { uid: 'admin', name: 'Amara Okafor' } as const

/** The roles the demo's server knows (demo/server/startDemo.ts); the first is what a new user gets. */
export const DEMO_ROLES = ['default', 'moderator', 'admin'] as const
