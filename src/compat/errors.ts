import { UserkitError } from '../model/index.js'
import { CometChatException } from './CometChatException.js'

// The SDK's own error texts for the checks it makes before sending anything; apps match on these codes.

/** A builder method the request needs was not called, e.g. `setLimit`. */
export const compulsory = (method: string, label: string): CometChatException =>
  sdkError(`${method}_IS_COMPULSORY`, `${label} is required.`)

export const limitExceeded = (max: number): CometChatException =>
  sdkError('ERROR_SET_LIMIT_EXCEEDED', `Limit exceeded max limit of ${max}.`)

export const notANumber = (method: string, call: string): CometChatException =>
  sdkError(`INVALID_${method}`, `${call} method accepts parameter as a number.`)

export const notPositive = (method: string, call: string): CometChatException =>
  sdkError(`INVALID_${method}`, `${call} should be a postive integer greater than 0.`)

export const notAnArray = (method: string, call: string): CometChatException =>
  sdkError(`INVALID_${method}`, `${call} method accepts parameter as an array.`)

export const invalid = (what: string, label: string): CometChatException =>
  sdkError(`INVALID_${what}`, `Invalid ${label}. Please provide a valid ${label}.`)

export const invalidStatus = (): CometChatException =>
  new CometChatException({
    code: 'INVALID_STATUS_VALUE',
    name: 'INVALID_STATUS_VALUE',
    message: 'The `status` parameter accepts only `online` or `offline`.',
  })

export const invalidDirection = (): CometChatException =>
  new CometChatException({
    code: 'INVALID_DIRECTION_VALUE',
    name: 'INVALID_DIRECTION_VALUE',
    message: 'The `direction` parameter accepts only `both`, `blockedByMe` or `hasBlockedMe`.',
  })

export const parameterMissing = (): CometChatException =>
  new CometChatException({ code: 'MISSING_PARAMETERS', name: 'Invalid or no parameter passed to the method.' })

export const emptyUsersList = (): CometChatException =>
  sdkError('EMPTY_USERS_LIST', 'The users list needs to have atleast one UID.')

export const notInitialized = (): CometChatException =>
  sdkError(
    'NOT_INITIALIZED',
    'Please call the CometChat.init() method before calling any other methods related to CometChat.',
  )

export const noAppId = (): CometChatException =>
  new CometChatException({
    code: 'MISSING_PARAMETERS',
    name: 'Invalid or no parameter passed to the method.',
    message: 'AppID cannot be empty. Please specify a valid appID.',
  })

export const notLoggedIn = (): CometChatException =>
  new CometChatException({
    code: 'USER_NOT_LOGED_IN',
    name: 'User not logged-in',
    message: 'An authToken is need to use this end-point. PS- We are aware of the spelling mistake, but in order to maintain backward compatibility we cannot change it :(',
  })

const failedToFetch = (): CometChatException =>
  sdkError(
    'FAILED_TO_FETCH',
    'There is an unknown issue with the API request. Please check your internet connection and verify the api call.',
  )

function sdkError(code: string, message: string): CometChatException {
  return new CometChatException({ code, name: code, message, details: {} })
}

/**
 * The exception an app sees for anything a call threw: the server's `{code, message, details}` as
 * it came, no answer or an unreadable one as the SDK's `FAILED_TO_FETCH`.
 */
export function toCometChatException(error: unknown): CometChatException {
  if (error instanceof CometChatException) return error
  if (error instanceof UserkitError) {
    if (error.code === 'ERR_NETWORK' || error.code === 'ERR_BAD_RESPONSE') return failedToFetch()
    return new CometChatException({ code: error.code, message: error.message, details: error.details })
  }
  return new CometChatException({ message: error instanceof Error ? error.message : String(error) })
}
