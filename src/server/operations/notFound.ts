import { UserkitError } from '../../model/index.js'

export function userNotFound(uid: string): UserkitError {
  return new UserkitError('ERR_UID_NOT_FOUND', `The user ${uid} does not exist.`)
}

export function noAccess(message: string): UserkitError {
  return new UserkitError('AUTH_ERR_NO_ACCESS', message)
}
