import { createCurrentUserStore, type CurrentUserStore } from 'userkit'
import { createUserClient, type UserClient } from 'userkit/client'

/** One signed-in person per side of the demo: its own client, store and (in its provider) cache. */
export interface DemoSide {
  client: UserClient
  store: CurrentUserStore
}

const origin = window.location.origin

// No key in either: the browser gets tokens from the demo's server and nothing else.
export const adminSide: DemoSide = {
  client: createUserClient({ baseUrl: origin }),
  store: createCurrentUserStore({ persist: 'session', name: 'userkit-demo:admin' }),
}

export const profileSide: DemoSide = {
  client: createUserClient({ baseUrl: origin }),
  store: createCurrentUserStore({ persist: 'session', name: 'userkit-demo:profile' }),
}

/** Asks the demo's server for an auth token for `uid` (demo-only: see demo/server/demoSession.ts). */
export async function demoToken(uid: string): Promise<string> {
  const response = await fetch(`${origin}/demo/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ uid }),
  })
  const body = (await response.json()) as { data?: { authToken: string }; error?: { code: string; message: string } }
  if (!response.ok || !body.data) {
    throw new Error(body.error?.message ?? response.statusText)
  }
  return body.data.authToken
}
