// `userkit/compat`: CometChat's SDK surface for users, over Userkit's server. Samples import
// `{ CometChat }` and reach everything through it; the classes are exported too, as the SDK's d.ts does.
export { CometChat, type LoginObject } from './CometChat.js'
export { AppSettings } from './AppSettings.js'
export { AppSettingsBuilder } from './AppSettingsBuilder.js'
export { BlockedUsersRequest } from './BlockedUsersRequest.js'
export { BlockedUsersRequestBuilder } from './BlockedUsersRequestBuilder.js'
export { CometChatException, type ErrorModel } from './CometChatException.js'
export { SORT_BY, SORT_ORDER, USER_STATUS } from './constants.js'
export { StorageMode } from './StorageMode.js'
export { User, type UserObject } from './User.js'
export { UsersRequest } from './UsersRequest.js'
export { UsersRequestBuilder } from './UsersRequestBuilder.js'
export type { UserLike } from './userWire.js'
