// The one set of credentials and addresses every harness and the stories' backend use. Test values
// only: each backend is in-process (or on a loopback port) and lives for one test or one story.

/** A `fullAccess` key (CometChat's REST API key). */
export const FULL_KEY = 'full-key'
/** An `authOnly` key (CometChat's Auth Key): it may create users and issue tokens, nothing else. */
export const AUTH_KEY = 'auth-only-key'
/** Where the clients think the server is; requests never leave the process. */
export const BASE = 'http://userkit.test'
/** The app id the CometChat-shaped facade sends. */
export const APP_ID = 'userkit-test'
/** A server clock's start (unix seconds), for tests that move time. */
export const START = 1_800_000_000
