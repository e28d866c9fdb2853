import type { CometChatException } from './CometChatException.js'
import { compulsory, limitExceeded, notANumber, notPositive } from './errors.js'
import { USERS_MAX_LIMIT } from './constants.js'

/** The SDK's checks of `setLimit`, made before anything is sent. */
export function checkLimit(limit: number | undefined): CometChatException | undefined {
  if (limit === undefined) return compulsory('SET_LIMIT', 'Set Limit')
  if (typeof limit !== 'number' || Number.isNaN(limit)) return notANumber('SET_LIMIT', 'setLimit()')
  if (limit > USERS_MAX_LIMIT) return limitExceeded(USERS_MAX_LIMIT)
  if (limit <= 0) return notPositive('SET_LIMIT', 'setLimit()')
  return undefined
}
