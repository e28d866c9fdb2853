import * as v from 'valibot'
import { limits, PRIVATE_METADATA_KEY, unsettableFields } from './fields.js'
import type { UserMetadata } from './user.js'
import { isHttpUrl } from './isHttpUrl.js'
import { rule } from './rules.js'

const codePoints = (text: string): number => [...text].length

// PostgreSQL cannot store NUL, and drivers silently replace lone surrogates: either would make a
// stored value differ from the one sent, so both are refused up front, in every string.
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Whether a string survives a round trip through any store unchanged. */
export function isStorableText(text: string): boolean {
  return !unstorable.test(text)
}

// Nothing a person can see: spaces, zero-width and format characters (joiners, bidi marks, the BOM),
// fillers (U+3164) and combining marks with no base.
const invisibleOnly = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Mn}\p{Me}]*$/u
// Embeddings, overrides and isolates reorder what follows them: "\u202Egnp.exe" reads "exe.png".
const directionControls = /[\u202A-\u202E\u2066-\u2069]/

/** Whether a person would see at least one character of `text`. */
export function hasVisibleCharacter(text: string): boolean {
  return !invisibleOnly.test(text)
}

const text = (field: string) =>
  v.pipe(v.string(rule('type', `${field} must be a string`)), v.check(isStorableText, rule('unstorable', `${field} must not contain NUL or broken Unicode`)))

/** 1–100 of `A-Z a-z 0-9 _ -`, lowercased: uids are case-insensitive. */
export const uidSchema = v.pipe(
  v.string(rule('type', 'uid must be a string')),
  v.minLength(1, rule('required', 'uid is required')),
  v.maxLength(limits.uidLength, rule('tooLong', `uid must be at most ${limits.uidLength} characters`)),
  v.regex(/^[A-Za-z0-9_-]+$/, rule('pattern', 'uid may contain only letters, digits, _ and -')),
  v.toLowerCase(),
)

export const nameSchema = v.pipe(
  text('name'),
  v.trim(),
  v.check((name) => name.length > 0, rule('required', 'name is required')),
  v.check((name) => name.length === 0 || hasVisibleCharacter(name), rule('invisible', 'name must contain a visible character')),
  v.check((name) => !directionControls.test(name), rule('direction', 'name must not contain characters that change the text direction')),
  v.check((name) => codePoints(name) <= limits.nameLength, rule('tooLong', `name must be at most ${limits.nameLength} characters`)),
)


const urlSchema = (field: string) =>
  v.pipe(
    text(field),
    v.maxLength(limits.urlLength, rule('tooLong', `${field} must be at most ${limits.urlLength} characters`)),
    v.check(isHttpUrl, rule('url', `${field} must be an http or https URL`)),
  )

export const roleSchema = v.pipe(
  text('role'),
  v.minLength(1, rule('required', 'role must not be empty')),
  v.maxLength(limits.roleLength, rule('tooLong', `role must be at most ${limits.roleLength} characters`)),
)

/** Every key and string inside a JSON value, visited without recursion (the value may be deep). */
function everyKeyAndString(value: unknown, accept: (text: string, isKey: boolean) => boolean): boolean {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const current = stack.pop()
    if (typeof current === 'string') {
      if (!accept(current, false)) return false
    } else if (current !== null && typeof current === 'object') {
      for (const [key, inner] of Object.entries(current)) {
        if (!Array.isArray(current) && !accept(key, true)) return false
        stack.push(inner)
      }
    }
  }
  return true
}

const hasProtoKey = (value: unknown): boolean => !everyKeyAndString(value, (text, isKey) => !(isKey && text === '__proto__'))
const isStorableJson = (value: unknown): boolean => everyKeyAndString(value, isStorableText)

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length

export const metadataSchema = v.pipe(
  v.custom<UserMetadata>(
    (value) => value !== null && typeof value === 'object' && !Array.isArray(value),
    rule('type', 'metadata must be a JSON object'),
  ),
  v.check((value) => !hasProtoKey(value), rule('reservedKey', 'metadata must not contain the key "__proto__"')),
  v.check((value) => isStorableJson(value), rule('unstorable', 'metadata must not contain NUL or broken Unicode')),
  v.check(
    (value) => utf8Bytes(JSON.stringify(value)) <= limits.metadataBytes,
    rule('tooLarge', `metadata must be at most ${limits.metadataBytes} bytes as JSON`),
  ),
  v.check(
    (value) => {
      const own = value[PRIVATE_METADATA_KEY]
      return own === undefined || (own !== null && typeof own === 'object' && !Array.isArray(own))
    },
    rule('privateObject', `metadata["${PRIVATE_METADATA_KEY}"] must be an object`),
  ),
)

export const statusMessageSchema = v.pipe(
  text('statusMessage'),
  // Empty clears it; anything else must show.
  v.check((text) => text.length === 0 || hasVisibleCharacter(text), rule('invisible', 'statusMessage must contain a visible character')),
  v.check(
    (text) => codePoints(text) <= limits.statusMessageLength,
    rule('tooLong', `statusMessage must be at most ${limits.statusMessageLength} characters`),
  ),
)

export const tagsSchema = v.pipe(
  v.array(
    v.pipe(
      text('each tag'),
      v.minLength(1, rule('required', 'a tag must not be empty')),
      v.check((tag) => tag.length === 0 || hasVisibleCharacter(tag), rule('invisible', 'a tag must contain a visible character')),
      v.check((tag) => codePoints(tag) <= limits.tagLength, rule('tooLong', `a tag must be at most ${limits.tagLength} characters`)),
    ),
    rule('type', 'tags must be an array of strings'),
  ),
  v.maxLength(limits.tags, rule('tooMany', `at most ${limits.tags} tags`)),
)

const editableEntries = {
  name: v.optional(nameSchema),
  avatar: v.optional(urlSchema('avatar')),
  link: v.optional(urlSchema('link')),
  metadata: v.optional(metadataSchema),
  statusMessage: v.optional(statusMessageSchema),
  tags: v.optional(tagsSchema),
}

/** `POST /users`. Unknown and server-set fields are dropped, as the CometChat SDK sends some. */
export const createUserSchema = v.object({
  ...editableEntries,
  uid: uidSchema,
  name: nameSchema,
  role: v.optional(roleSchema),
})

const unsetSchema = v.optional(
  v.pipe(
    v.array(v.picklist(unsettableFields, `unset may name only ${unsettableFields.join(', ')}`), 'unset must be an array'),
  ),
)

const noFieldSetAndUnset = <T extends { unset?: readonly string[] | undefined }>(input: T): boolean =>
  !(input.unset ?? []).some((field) => (input as Record<string, unknown>)[field] !== undefined)

function withUnset<TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.pipe(
    v.object({ ...entries, unset: unsetSchema }),
    v.forward(
      v.check(noFieldSetAndUnset, 'a field cannot be both set and unset'),
      ['unset'] as never,
    ),
  )
}

/** `PUT /users/{uid}`: any editable field, role included (the server checks who may). */
export const updateUserSchema = withUnset({ ...editableEntries, role: v.optional(roleSchema) })

/** `PUT /me`: what the logged-in user may change about themselves. uid and role are not here. */
export const updateCurrentUserSchema = withUnset(editableEntries)

const wholeNumber = (field: string, min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{1,9}$/, `${field} must be a whole number`),
    v.transform(Number),
    v.minValue(min, `${field} must be at least ${min}`),
    v.maxValue(max, `${field} must be at most ${max}`),
  )

const commaList = v.pipe(
  v.string(),
  v.transform((text) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  ),
)

const flag = (field: string) =>
  v.pipe(
    v.picklist(['1', '0', 'true', 'false'], `${field} must be 1, 0, true or false`),
    v.transform((text) => text === '1' || text === 'true'),
  )

/** What `GET /users` sorts by; every sort ends with the uid, so pages never repeat or skip a user. */
export const usersSortKeys = ['name', 'status', 'createdAt', 'updatedAt', 'lastActiveAt', 'role'] as const

/** The query string of `GET /users`, as strings in, typed values out. */
export const usersQuerySchema = v.object({
  perPage: v.optional(wholeNumber('perPage', 1, limits.perPage), String(limits.defaultPerPage)),
  page: v.optional(wholeNumber('page', 1, 1_000_000), '1'),
  searchKey: v.optional(
    v.pipe(v.string(), v.maxLength(limits.searchKeyLength, `searchKey must be at most ${limits.searchKeyLength} characters`)),
  ),
  searchIn: v.optional(
    v.pipe(
      commaList,
      v.array(v.picklist(['uid', 'name'], 'searchIn may name only uid and name')),
    ),
  ),
  status: v.optional(v.picklist(['available', 'online', 'offline'], 'status must be available, online or offline')),
  role: v.optional(v.string()),
  roles: v.optional(commaList),
  tags: v.optional(commaList),
  /** Whether `tags` matches users with any of them (the default, as CometChat) or all of them. */
  tagsMatch: v.optional(v.picklist(['any', 'all'], 'tagsMatch must be any or all')),
  withTags: v.optional(flag('withTags')),
  uids: v.optional(
    v.pipe(
      commaList,
      v.maxLength(limits.uidsPerQuery, `at most ${limits.uidsPerQuery} uids`),
      v.transform((uids) => uids.map((uid) => uid.toLowerCase())),
    ),
  ),
  onlyDeactivated: v.optional(flag('onlyDeactivated')),
  withDeactivated: v.optional(flag('withDeactivated')),
  hideBlockedUsers: v.optional(flag('hideBlockedUsers')),
  sortBy: v.optional(v.picklist(usersSortKeys, `sortBy must be one of ${usersSortKeys.join(', ')}`)),
  sortOrder: v.optional(v.picklist(['asc', 'desc'], 'sortOrder must be asc or desc')),
})

export type CreateUserBody = v.InferOutput<typeof createUserSchema>
export type UpdateUserBody = v.InferOutput<typeof updateUserSchema>
export type UpdateCurrentUserBody = v.InferOutput<typeof updateCurrentUserSchema>
/** A parsed `GET /users` query. */
export type UsersQuery = v.InferOutput<typeof usersQuerySchema>
/** What a caller passes to list users; the client turns it into the query string. */
export type UsersQueryInput = Partial<UsersQuery>
