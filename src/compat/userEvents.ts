import type { UserEvent } from '../client/index.js'
import { UserkitError } from '../model/index.js'
import { forgetUser, hasSession, presenceScope, storedUser, tokenClient } from './session.js'
import { User } from './User.js'
import type { UserListener } from './UserListener.js'
import { userFromWire } from './userWire.js'

// Registered listeners, in the order the SDK calls them: a listener added again under its id
// replaces the old one and goes last.
const listeners = new Map<string, UserListener>()

interface Running {
  authToken: string
  controller: AbortController
  done: Promise<void>
  opened: Promise<void>
}

let running: Running | undefined
let settled: Promise<void> = Promise.resolve()

const firstBackoffMs = 500
const maxBackoffMs = 15_000

export function addListener(id: string, listener: UserListener): void {
  listeners.delete(id)
  listeners.set(id, listener)
  syncUserEvents()
}

export function removeListener(id: string): void {
  listeners.delete(id)
  syncUserEvents()
}

/**
 * Keeps one event stream open while someone is logged in, a listener is registered and the app
 * subscribed to some presence; closes it otherwise. Called after every change to any of those.
 */
export function syncUserEvents(): void {
  const me = listeners.size > 0 && hasSession() && subscribed() ? storedUser() : undefined
  if (running !== undefined && running.authToken === me?.authToken) return
  if (running !== undefined) {
    running.controller.abort()
    running = undefined
  }
  if (me !== undefined) running = start(me.authToken, me.uid)
}

/**
 * @internal For tests: resolves once the current stream is open (events published from then on
 * reach the listeners), or at once when there is none.
 */
export function userEventsOpened(): Promise<void> {
  return running?.opened ?? Promise.resolve()
}

/** @internal For tests: resolves once the last stream stopped reading and its timers are gone. */
export function userEventsSettled(): Promise<void> {
  return settled
}

function subscribed(): boolean {
  const { type } = presenceScope()
  // Userkit has no friends list: a FRIENDS subscription, like NONE, hears of nobody.
  return type === 'ALL_USERS' || type === 'ROLES'
}

function start(authToken: string, uid: string): Running {
  const controller = new AbortController()
  let markOpened = (): void => {}
  const opened = new Promise<void>((resolve) => (markOpened = resolve))
  const done = read(authToken, uid, controller.signal, markOpened).finally(markOpened)
  settled = done
  return { authToken, controller, done, opened }
}

async function read(authToken: string, uid: string, signal: AbortSignal, opened: () => void): Promise<void> {
  const client = tokenClient(authToken)
  let lastEventId: string | undefined
  let failures = 0
  while (!signal.aborted) {
    try {
      for await (const message of client.events({ ...(lastEventId !== undefined ? { lastEventId } : {}), signal })) {
        failures = 0
        if (message.id !== undefined) lastEventId = message.id
        if (!('uid' in message)) opened()
        else if (message.uid !== uid) dispatch(message)
      }
    } catch (error) {
      if (signal.aborted) return
      if (error instanceof UserkitError && (error.status === 401 || error.status === 403)) {
        // The token was revoked or the user deactivated: the SDK ends the session then too.
        if (error.code === 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND' && storedUser()?.authToken === authToken) forgetUser()
        if (running?.authToken === authToken) running = undefined
        return
      }
      failures += 1
    }
    if (signal.aborted) return
    // A stream the server closed (a restart, a lost bus) resumes after a short pause.
    await pause(Math.min(firstBackoffMs * 2 ** failures, maxBackoffMs), signal)
  }
}

function dispatch(event: UserEvent): void {
  const online = event.type === 'user.online'
  if (!online && event.type !== 'user.offline') return
  const { type, roles } = presenceScope()
  if (type === 'ROLES' && !roles.includes(event.user?.role ?? '')) return
  const status = online ? ('online' as const) : ('offline' as const)
  // An erased user's event carries only the uid.
  const user = event.user ? userFromWire({ ...event.user, status }) : new User({ uid: event.uid, status })
  for (const listener of [...listeners.values()]) {
    const callback = online ? listener.onUserOnline : listener.onUserOffline
    try {
      callback?.call(listener, user)
    } catch (error) {
      // One failing listener neither stops the others nor the stream, as in the SDK.
      console.error('CometChat: user listener', error)
    }
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const end = (): void => {
      clearTimeout(timer)
      signal.removeEventListener('abort', end)
      resolve()
    }
    const timer = setTimeout(end, ms)
    signal.addEventListener('abort', end, { once: true })
  })
}
