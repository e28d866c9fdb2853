import type { User } from './user.js'
import { fieldRules, type FieldRules } from './rules.js'

/** Every error code of the wire contract, with its HTTP status. */
export const errorStatus = {
  ERR_BAD_REQUEST: 400,
  ERR_UID_ALREADY_EXISTS: 400,
  ERR_CANNOT_BLOCK_SELF: 400,
  /** A bulk action whose target is more users than the server takes in one request. */
  ERR_TOO_MANY_USERS: 400,
  ERR_UID_NOT_FOUND: 404,
  ERR_ROLE_NOT_FOUND: 404,
  ERR_API_NOT_FOUND: 404,
  /** A bulk job this server instance does not know (ended over an hour ago, or run by another). */
  ERR_JOB_NOT_FOUND: 404,
  AUTH_ERR_EMPTY_APIKEY: 401,
  AUTH_ERR_APIKEY_NOT_FOUND: 401,
  AUTH_ERR_EMPTY_AUTH_TOKEN: 401,
  AUTH_ERR_AUTH_TOKEN_NOT_FOUND: 401,
  AUTH_ERR_NO_ACCESS: 403,
  ERR_CONFLICT: 412,
  ERR_PAYLOAD_TOO_LARGE: 413,
  ERR_UNSUPPORTED_MEDIA_TYPE: 415,
  ERR_TOO_MANY_REQUESTS: 429,
  ERR_INTERNAL: 500,
  ERR_SERVICE_UNAVAILABLE: 503,
} as const

/** Codes the server sends. */
export type ServerErrorCode = keyof typeof errorStatus

/**
 * Codes only the client produces: `ERR_NETWORK` when no answer arrived (status 0),
 * `ERR_BAD_RESPONSE` when the answer was not the documented envelope.
 */
export type ClientErrorCode = 'ERR_NETWORK' | 'ERR_BAD_RESPONSE'

export type UserkitErrorCode = ServerErrorCode | ClientErrorCode

/** Field name → messages, as the server sends them with `ERR_BAD_REQUEST`. */
export type FieldErrors = Record<string, string[]>

export interface UserkitErrorOptions {
  status?: number
  details?: FieldErrors
  /** Why each field in `details` was refused, as codes: say it in your own words from these. */
  rules?: FieldRules
  /** With `ERR_CONFLICT`: the user as the server has it now. */
  current?: User
  cause?: unknown
}

/** The one error type of Userkit, on the server and in the client alike. */
export class UserkitError extends Error {
  override readonly name = 'UserkitError'
  readonly code: UserkitErrorCode
  readonly status: number
  readonly details?: FieldErrors
  /** The rule codes behind `details`, field by field (`{ avatar: ['url'] }`). */
  readonly rules?: FieldRules
  readonly current?: User

  constructor(code: UserkitErrorCode, message: string, options: UserkitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.status = options.status ?? (code in errorStatus ? errorStatus[code as ServerErrorCode] : 0)
    if (options.details) {
      this.details = options.details
      this.rules = options.rules ?? fieldRules(options.details)
    }
    if (options.current) this.current = options.current
  }
}

export function isUserkitError(value: unknown): value is UserkitError {
  return value instanceof UserkitError
}
