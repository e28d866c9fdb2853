/** What a {@link CometChatException} is made from: the `error` of a failed answer, or the SDK's own checks. */
export interface ErrorModel {
  code?: string | number
  name?: string
  message?: string
  /** The server's field errors (`ERR_BAD_REQUEST`: field name → messages), or a text. */
  details?: string | Record<string, unknown>
}

/**
 * How every call of the facade rejects, as CometChat's SDK does: a plain object, not an `Error`
 * (no stack), so `error.code` is what an app checks. Empty parts are left out, as the SDK leaves them.
 *
 * @example
 * CometChat.getUser('nobody').then(undefined, (error: CometChatException) => error.code) // 'ERR_UID_NOT_FOUND'
 */
export class CometChatException implements ErrorModel {
  // Declared, not initialised: an absent part must be absent, not an own `undefined`.
  declare code?: string | number
  declare name?: string
  declare message?: string
  declare details?: string | Record<string, unknown>

  constructor(errorModel: ErrorModel) {
    const present = (value: unknown): boolean => value !== null && value !== undefined && value !== ''
    if (present(errorModel.code)) this.code = errorModel.code
    if (present(errorModel.name)) this.name = errorModel.name
    if (present(errorModel.message)) this.message = errorModel.message
    if (present(errorModel.details)) this.details = errorModel.details
  }
}
