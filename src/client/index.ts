// `userkit/client` is the public entry for the model too: an app imports User, the schemas and
// UserkitError from here, never from a private path. The ETag helpers stay inside (the server's
// and the cache's business): an app sends back the `ETag` it was given.
export * from '../model/surface.js'
export { createUserClient } from './createUserClient.js'
export type { UserClient } from './UserClient.js'
export { readUserEvents } from './readUserEvents.js'
export type { ReadUserEventsOptions, UserEvent, UserEventMessage, UserEventType } from './readUserEvents.js'
export type { FetchLike, UserClientOptions } from './options.js'
export type { UploadProgress } from './uploadWithProgress.js'
export type {
  AuthTokenResult,
  BlockedUsersQuery,
  BlockOptions,
  BulkAction,
  BulkUsersInput,
  BulkUsersResult,
  BulkUsersOptions,
  BulkProgress,
  CallOptions,
  CreateAuthTokenOptions,
  CreateUserOptions,
  DeleteResult,
  DeviceInfo,
  ExportUsersOptions,
  ImportReport,
  ImportRowError,
  ImportUsersOptions,
  Outcome,
  Outcomes,
  Pagination,
  Role,
  UpdateOptions,
  AvatarOptions,
  UploadAvatarOptions,
  UserPage,
  UsersFileFormat,
  UsersFilter,
} from './types.js'
