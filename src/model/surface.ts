// The model as apps see it (`userkit/client` exports all of it): everything but the ETag helpers.
export type * from './user.js'
export type { UserEventType } from './userEvents.js'
export { userFields, serverFields, unsettableFields, limits, PRIVATE_METADATA_KEY } from './fields.js'
export type { FieldSpec, FieldEditability, UserField } from './fields.js'
export { UserkitError, isUserkitError, errorStatus } from './errors.js'
export type { UserkitErrorCode, ServerErrorCode, ClientErrorCode, FieldErrors, UserkitErrorOptions } from './errors.js'
export {
  uidSchema,
  nameSchema,
  roleSchema,
  metadataSchema,
  statusMessageSchema,
  tagsSchema,
  createUserSchema,
  updateUserSchema,
  updateCurrentUserSchema,
  usersQuerySchema,
  isStorableText,
} from './schemas.js'
export { isHttpUrl } from './isHttpUrl.js'
export type { CreateUserBody, UpdateUserBody, UpdateCurrentUserBody, UsersQuery, UsersQueryInput } from './schemas.js'
export { parseOrThrow, fieldErrors } from './validate.js'
export { ruleOf, fieldRules } from './rules.js'
export type { RuleCode, FieldRules } from './rules.js'
