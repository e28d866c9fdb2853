import { UsersRequest, type UsersRequestOptions } from './UsersRequest.js'

/**
 * `CometChat.UsersRequestBuilder`: the query of a paged user list. `setLimit` is required (at most 100).
 *
 * @example
 * const request = new CometChat.UsersRequestBuilder().setLimit(30).setSearchKeyword('ad').build()
 * const firstPage = await request.fetchNext()
 */
export class UsersRequestBuilder {
  private options: UsersRequestOptions = { page: 0, hideBlockedUsers: false }

  /** Users per page, at most 100. */
  setLimit(limit: number): this {
    return this.set({ limit })
  }
  /** `CometChat.USER_STATUS.ONLINE` or `.OFFLINE`. */
  setStatus(status: string): this {
    return this.set({ status })
  }
  /** A prefix of the uid or name, case-insensitive. */
  setSearchKeyword(searchKeyword: string): this {
    return this.set({ searchKeyword })
  }
  /** Where the keyword is looked for: `['name']`, `['uid']` or both (the default). */
  searchIn(searchIn: Array<string>): this {
    return this.set({ searchIn })
  }
  hideBlockedUsers(hideBlockedUsers: boolean): this {
    return this.set({ hideBlockedUsers })
  }
  setRole(role: string): this {
    return this.set({ role })
  }
  setRoles(roles: Array<string>): this {
    return this.set({ roles })
  }
  /** Accepted for the SDK's sake: Userkit has no friends lists, so it narrows nothing. */
  friendsOnly(friendsOnly: boolean): this {
    return this.set({ friendsOnly })
  }
  /** Users having any of these tags. */
  setTags(tags: Array<string>): this {
    return this.set({ tags })
  }
  /** Include each user's tags in the answer. */
  withTags(withTags: boolean): this {
    return this.set({ withTags })
  }
  setUIDs(uids: Array<string>): this {
    return this.set({ uids })
  }
  /** `CometChat.SORT_BY.NAME` or `.STATUS`. */
  sortBy(sortBy: string): this {
    return this.set({ sortBy })
  }
  /** `CometChat.SORT_ORDER.ASCENDING` or `.DESCENDING`. */
  sortByOrder(sortOrder: string): this {
    return this.set({ sortOrder })
  }
  /** Pages to skip, as the SDK counts: 0 (the default) starts at the first page, 1 at the second. */
  setPage(page: number): this {
    return this.set({ page: Math.max(0, page) })
  }
  build(): UsersRequest {
    const { role, roles } = this.options
    // As the SDK: a role given beside roles joins them.
    const merged = role !== undefined && roles !== undefined ? { roles: [...roles, role] } : {}
    return new UsersRequest({ ...this.options, ...merged })
  }

  private set(values: Partial<UsersRequestOptions>): this {
    this.options = { ...this.options, ...values }
    return this
  }
}
