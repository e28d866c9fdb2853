export * from './react/index.js'
export * from './components/index.js'
// Types an app meets through the hooks and components; the client itself is `userkit/client`, so an
// app that only renders components does not pay for it twice.
export type * from './model/user.js'
export type { UserClient, UserPage, Pagination, Role } from './client/index.js'
export { UserkitError, isUserkitError } from './model/index.js'
export type { RuleCode, FieldRules } from './model/index.js'
