import { describe, expectTypeOf, it } from 'vitest'
import { CometChat } from '../../src/compat/index.js'

// CometChat's TypeScript samples for user management (docs: sdk/javascript/user-management,
// retrieve-users, block-users, user-presence, setup), as written there: `CometChat.User` and
// `CometChat.CometChatException` are types as well as values. Each sample sits in a function so the
// type check compiles it without running it.

describe("CometChat's documented TypeScript samples compile against userkit/compat", () => {
  it('initialises with AppSettings built by the namespace', () => {
    const sample = (): void => {
      let appID: string = 'APP_ID',
        region: string = 'APP_REGION',
        appSetting: CometChat.AppSettings = new CometChat.AppSettingsBuilder()
          .subscribePresenceForAllUsers()
          .setRegion(region)
          .autoEstablishSocketConnection(true)
          .build()
      CometChat.init(appID, appSetting).then(
        (initialized: boolean) => {
          console.log('Initialization completed successfully', initialized)
        },
        (error: CometChat.CometChatException) => {
          console.log('Initialization failed with error:', error)
        },
      )
    }
    expectTypeOf(sample).toBeFunction()
  })

  it('creates a user', () => {
    const sample = (): void => {
      let authKey: string = 'AUTH_KEY'
      let uid: string = 'user1'
      let name: string = 'Kevin'

      let user: CometChat.User = new CometChat.User(uid)

      user.setName(name)

      CometChat.createUser(user, authKey).then(
        (user: CometChat.User) => {
          console.log('user created', user)
        },
        (error: CometChat.CometChatException) => {
          console.log('error', error)
        },
      )
    }
    expectTypeOf(sample).toBeFunction()
  })

  it('updates a user', () => {
    const sample = (): void => {
      let apiKey: string = 'API_KEY'
      let uid: string = 'user1'
      let name: string = 'Kevin Fernandez'

      let user: CometChat.User = new CometChat.User(uid)

      user.setName(name)

      CometChat.updateUser(user, apiKey).then(
        (user: CometChat.User) => {
          console.log('user updated', user)
        },
        (error: CometChat.CometChatException) => {
          console.log('error', error)
        },
      )
    }
    expectTypeOf(sample).toBeFunction()
  })

  it('updates the logged-in user', () => {
    const sample = (): void => {
      let uid: string = 'user1'
      let name: string = 'Kevin Fernandez'

      let user: CometChat.User = new CometChat.User(uid)

      user.setName(name)

      CometChat.updateCurrentUserDetails(user).then(
        (user: CometChat.User) => {
          console.log('user updated', user)
        },
        (error: CometChat.CometChatException) => {
          console.log('error', error)
        },
      )
    }
    expectTypeOf(sample).toBeFunction()
  })

  it('gets the logged-in user and a user by uid', () => {
    const sample = (): void => {
      CometChat.getLoggedinUser().then(
        (user: CometChat.User | null) => {
          console.log('user details:', { user })
        },
        (error: CometChat.CometChatException) => {
          console.log('error getting details:', { error })
        },
      )
      let UID: string = 'UID'
      CometChat.getUser(UID).then(
        (user: CometChat.User) => {
          console.log('User details fetched for user:', user)
        },
        (error: CometChat.CometChatException) => {
          console.log('User details fetching failed with error:', error)
        },
      )
    }
    expectTypeOf(sample).toBeFunction()
  })

  it('pages through users with a UsersRequest', () => {
    const sample = (): void => {
      let limit: number = 30
      let usersRequest: CometChat.UsersRequest = new CometChat.UsersRequestBuilder().setLimit(limit).build()

      usersRequest.fetchNext().then(
        (userList: CometChat.User[]) => {
          console.log('User list received:', userList)
        },
        (error: CometChat.CometChatException) => {
          console.log('User list fetching failed with error:', error)
        },
      )
    }
    expectTypeOf(sample).toBeFunction()
    expectTypeOf<CometChat.UsersRequestBuilder>().toEqualTypeOf<InstanceType<typeof CometChat.UsersRequestBuilder>>()
  })

  it('blocks, unblocks and lists blocked users', () => {
    const sample = (): void => {
      const usersList: String[] = ['UID1', 'UID2', 'UID3']

      CometChat.blockUsers(usersList).then(
        (list: Object) => {
          console.log('users list blocked', { list })
        },
        (error: CometChat.CometChatException) => {
          console.log('Blocking user fails with error', error)
        },
      )
      CometChat.unblockUsers(usersList).then(
        (list: Object) => {
          console.log('users list unblocked', { list })
        },
        (error: CometChat.CometChatException) => {
          console.log('unblocking user fails with error', error)
        },
      )
      let limit: number = 30
      let blockedUsersRequest: CometChat.BlockedUsersRequest = new CometChat.BlockedUsersRequestBuilder().setLimit(limit).build()
      blockedUsersRequest.fetchNext().then(
        (userList: CometChat.User[]) => {
          console.log('Blocked user list received:', userList)
        },
        (error: CometChat.CometChatException) => {
          console.log('Blocked user list fetching failed with error:', error)
        },
      )
    }
    expectTypeOf(sample).toBeFunction()
  })

  it('listens to presence with a UserListener', () => {
    const sample = (): void => {
      let listenerID: string = 'UNIQUE_LISTENER_ID'
      let listener: CometChat.UserListener = new CometChat.UserListener({
        onUserOnline: (onlineUser: CometChat.User) => {
          console.log('On User Online:', { onlineUser })
        },
        onUserOffline: (offlineUser: CometChat.User) => {
          console.log('On User Offline:', { offlineUser })
        },
      })
      CometChat.addUserListener(listenerID, listener)
    }
    expectTypeOf(sample).toBeFunction()
  })
})
