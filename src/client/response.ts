import { UserkitError, type FieldErrors, type FieldRules, type User, type UserkitErrorCode } from '../model/index.js'
import type { Pagination, UserPage } from './types.js'

/** A success body as the wire has it. */
export interface Envelope {
  data: unknown
  meta?: { pagination?: unknown }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * The `data` envelope of a success, or the `UserkitError` of a failure. Anything else (an HTML
 * error page from a proxy, a truncated body) is `ERR_BAD_RESPONSE`, so that callers only ever
 * meet one error type.
 */
export function readEnvelope(response: Response, text: string): Envelope {
  const { status } = response
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw badResponse(status, 'is not JSON')
  }
  if (!isObject(body)) throw badResponse(status, 'is not a JSON object')
  if (isObject(body.error)) {
    const { code, message, details, rules } = body.error
    if (typeof code === 'string' && typeof message === 'string') throw wireError(status, code, message, details, rules)
  }
  if (!response.ok) throw badResponse(status, 'has no error in it')
  if (!('data' in body)) throw badResponse(status, 'has no data in it')
  return body as unknown as Envelope
}

function wireError(status: number, code: string, message: string, details: unknown, rules: unknown): UserkitError {
  // A newer server may send a code this client does not list; it is passed on as it came.
  const errorCode = code as UserkitErrorCode
  if (code === 'ERR_CONFLICT' && isObject(details) && isObject(details.current)) {
    return new UserkitError(errorCode, message, { status, current: details.current as unknown as User })
  }
  if (!isObject(details)) return new UserkitError(errorCode, message, { status })
  // A server without `rules` (an older one) leaves them to be read off the model's own messages.
  return new UserkitError(errorCode, message, { status, details: details as FieldErrors, ...(isFieldRules(rules) ? { rules } : {}) })
}

function isFieldRules(value: unknown): value is FieldRules {
  return isObject(value) && Object.values(value).every((codes) => Array.isArray(codes) && codes.every((code) => typeof code === 'string'))
}

function badResponse(status: number, problem: string): UserkitError {
  return new UserkitError('ERR_BAD_RESPONSE', `The server's answer (HTTP ${status}) ${problem}: is baseUrl right?`, {
    status,
  })
}

/** `data` as a user list with its pagination in camelCase. */
export function toUserPage(envelope: Envelope, status: number): UserPage {
  const pagination = envelope.meta?.pagination
  if (!Array.isArray(envelope.data) || !isObject(pagination)) {
    throw badResponse(status, 'is not a list of users with meta.pagination')
  }
  const number = (key: string): number => {
    const value = pagination[key]
    if (typeof value !== 'number') throw badResponse(status, `has no number in meta.pagination.${key}`)
    return value
  }
  const converted: Pagination = {
    total: number('total'),
    count: number('count'),
    perPage: number('per_page'),
    currentPage: number('current_page'),
    totalPages: number('total_pages'),
  }
  if (pagination.total_capped === true) converted.totalCapped = true
  return { users: envelope.data as User[], pagination: converted }
}
