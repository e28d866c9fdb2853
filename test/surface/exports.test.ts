import { describe, expect, it } from 'vitest'

// What each entry exports at runtime, by name. A change to a list is a change to the public surface:
// update the snapshot on purpose (`vitest -u`), never to make a test pass. Types cost nothing at
// runtime and are left to the type tests.
const names = (entry: Record<string, unknown>): string[] => Object.keys(entry).sort()

describe('the runtime exports of each entry', () => {
  it('userkit: the provider, the data hooks, keys and query options, the store, the components and their labels', async () => {
    expect(names(await import('../../src/index.js'))).toMatchInlineSnapshot(`
      [
        "Avatar",
        "BlockButton",
        "BlockedUsersList",
        "CreateUserForm",
        "PresenceBadge",
        "ProfileEditor",
        "RETRY_DELAY_MS",
        "USER_STALE_TIME",
        "UserCard",
        "UserEditor",
        "UserList",
        "UserMenu",
        "UserkitError",
        "UserkitProvider",
        "avatarLabels",
        "blockButtonLabels",
        "blockedUsersListLabels",
        "blockedUsersQueryOptions",
        "createCurrentUserStore",
        "createLeaveGuard",
        "createUserFormLabels",
        "currentUserQueryOptions",
        "editorLabels",
        "infiniteBlockedUsersQueryOptions",
        "infiniteUsersQueryOptions",
        "isUserkitError",
        "presenceBadgeLabels",
        "profileEditorLabels",
        "retryTransient",
        "rolesQueryOptions",
        "useBlock",
        "useBlockedUsers",
        "useCreateUser",
        "useCurrentUser",
        "useDeactivateUser",
        "useDeleteUser",
        "useInfiniteBlockedUsers",
        "useInfiniteUsers",
        "useLeaveGuard",
        "useLogin",
        "useLogout",
        "useReactivateUser",
        "useRoles",
        "useSuspenseUser",
        "useUnblock",
        "useUpdateCurrentUser",
        "useUpdateUser",
        "useUploadAvatar",
        "useUser",
        "useUserEvents",
        "useUserkit",
        "useUsers",
        "userCardLabels",
        "userEditorLabels",
        "userKeys",
        "userListLabels",
        "userMenuLabels",
        "userQueryOptions",
        "usersQueryOptions",
      ]
    `)
  })

  it('userkit/headless: the headless hooks, anatomies and the building blocks of a fork', async () => {
    expect(names(await import('../../src/headless/index.js'))).toMatchInlineSnapshot(`
      [
        "ConflictPanel",
        "EditorActions",
        "EditorFields",
        "EditorLoadState",
        "MetadataEditor",
        "TagInput",
        "UserCardView",
        "UserListFilterBar",
        "UserListItem",
        "activeFilters",
        "avatarAnatomy",
        "avatarHue",
        "blockButtonAnatomy",
        "blockedUsersListAnatomy",
        "blockingFields",
        "buttonPart",
        "clientErrors",
        "composeEventHandlers",
        "createAnatomy",
        "cx",
        "editorAnatomy",
        "editorLabels",
        "editorView",
        "errorOf",
        "focusById",
        "focusSoon",
        "hasErrors",
        "initialFormState",
        "initials",
        "isDirty",
        "mergeProps",
        "messagePart",
        "metadataFromRows",
        "metadataParts",
        "metadataRowErrors",
        "newMetadataRow",
        "presenceBadgeAnatomy",
        "relativeTime",
        "rowErrorOf",
        "rowErrors",
        "transition",
        "useAvatar",
        "useBlockButton",
        "useBlockedUsersList",
        "useControllableState",
        "useCreateUserForm",
        "useDebouncedValue",
        "useDomId",
        "useEditorCore",
        "useEditorParts",
        "useFormMachine",
        "useLabels",
        "useLocale",
        "useNow",
        "usePresenceBadge",
        "useProfileEditor",
        "useStatusMessageForm",
        "useTagInput",
        "useUidAvailability",
        "useUserCard",
        "useUserEditor",
        "useUserLifecycle",
        "useUserList",
        "useUserMenu",
        "userCardAnatomy",
        "userListAnatomy",
        "userMenuAnatomy",
      ]
    `)
  })

  it('userkit/client: the client, the model and its rules (no ETag helpers)', async () => {
    expect(names(await import('../../src/client/index.js'))).toMatchInlineSnapshot(`
      [
        "PRIVATE_METADATA_KEY",
        "UserkitError",
        "createUserClient",
        "createUserSchema",
        "errorStatus",
        "fieldErrors",
        "isHttpUrl",
        "isStorableText",
        "isUserkitError",
        "limits",
        "metadataSchema",
        "nameSchema",
        "parseOrThrow",
        "readUserEvents",
        "roleSchema",
        "serverFields",
        "statusMessageSchema",
        "tagsSchema",
        "uidSchema",
        "unsettableFields",
        "updateCurrentUserSchema",
        "updateUserSchema",
        "userFields",
        "usersQuerySchema",
      ]
    `)
  })

  it('userkit/server: the handler, the stores and serve', async () => {
    expect(names(await import('../../src/server/index.js'))).toMatchInlineSnapshot(`
      [
        "StoreUnavailableError",
        "createUserHandler",
        "memoryEventBus",
        "memoryStore",
        "pgliteStore",
        "postgresEventBus",
        "postgresStore",
        "serve",
      ]
    `)
  })

  it('userkit/compat: the CometChat-shaped facade', async () => {
    expect(names(await import('../../src/compat/index.js'))).toMatchInlineSnapshot(`
      [
        "AppSettings",
        "AppSettingsBuilder",
        "BlockedUsersRequest",
        "BlockedUsersRequestBuilder",
        "CometChat",
        "CometChatException",
        "SORT_BY",
        "SORT_ORDER",
        "StorageMode",
        "USER_STATUS",
        "User",
        "UserListener",
        "UsersRequest",
        "UsersRequestBuilder",
      ]
    `)
  })
})
