import type { UsersQueryInput } from '../model/index.js'
import type { CometChatException } from './CometChatException.js'
import { USER_STATUS } from './constants.js'
import { invalidStatus, notAnArray } from './errors.js'
import { checkLimit } from './pageLimit.js'
import { PageCursor } from './pageCursor.js'
import { asUser } from './session.js'
import type { User } from './User.js'

/** @internal What a {@link UsersRequestBuilder} collects. */
export interface UsersRequestOptions {
  limit?: number
  page: number
  status?: string
  searchKeyword?: string
  searchIn?: string[]
  hideBlockedUsers: boolean
  role?: string
  roles?: string[]
  friendsOnly?: boolean
  tags?: string[]
  withTags?: boolean
  uids?: string[]
  sortBy?: string
  sortOrder?: string
}

/**
 * A paged user list, made by `UsersRequestBuilder.build()`. Each `fetchNext()` resolves the next
 * page, and `[]` once there is none; a page is passed only after it came back non-empty.
 */
export class UsersRequest {
  static USER_STATUS = USER_STATUS

  private readonly options: UsersRequestOptions
  private readonly cursor: PageCursor

  /** @private Use `new UsersRequestBuilder()…build()`. */
  constructor(options: UsersRequestOptions) {
    const status = options.status === USER_STATUS.ONLINE ? 'available' : options.status
    const searchKeyword = options.searchKeyword?.trim() || undefined
    this.options = { ...options, status, searchKeyword }
    this.cursor = new PageCursor(options.page)
  }

  getLimit(): number {
    return this.options.limit as number
  }
  getSearchKeyword(): string {
    return this.options.searchKeyword as string
  }
  isHideBlockedUsers(): boolean {
    return this.options.hideBlockedUsers
  }
  /** As sent: `available` stands for online. */
  getStatus(): string {
    return this.options.status as string
  }
  getRole(): string {
    return this.options.role as string
  }
  isFriendsOnly(): boolean {
    return this.options.friendsOnly === true
  }
  getRoles(): string[] {
    return this.options.roles as string[]
  }
  getTags(): string[] {
    return this.options.tags as string[]
  }
  isWithTags(): boolean {
    return this.options.withTags === true
  }
  getUIDs(): string[] {
    return this.options.uids as string[]
  }
  getSearchIn(): string[] {
    return this.options.searchIn as string[]
  }
  getSortBy(): string {
    return this.options.sortBy as string
  }
  getSortOrder(): string {
    return this.options.sortOrder as string
  }
  /** The last page fetched with users in it; 0 before the first. */
  getPage(): number {
    return this.cursor.page
  }

  async fetchNext(): Promise<User[]> {
    return this.cursor.next(
      () => this.check(),
      async (page) => (await asUser((client) => client.listUsers(this.query(page)))).users,
    )
  }

  private check(): CometChatException | undefined {
    const { limit, status, roles, tags, uids, searchIn } = this.options
    const limitProblem = checkLimit(limit)
    if (limitProblem) return limitProblem
    if (status !== undefined && !['available', 'offline'].includes(status.toLowerCase())) return invalidStatus()
    if (roles !== undefined && !Array.isArray(roles)) return notAnArray('ROLES', 'setRoles()')
    if (tags !== undefined && !Array.isArray(tags)) return notAnArray('TAGS', 'setTags()')
    if (uids !== undefined && !Array.isArray(uids)) return notAnArray('UIDs', 'setUIDs()')
    if (searchIn !== undefined && !Array.isArray(searchIn)) return notAnArray('SEARCH_IN', 'searchIn()')
    return undefined
  }

  private query(page: number): UsersQueryInput {
    const { limit, searchKeyword, status, hideBlockedUsers, role, roles, tags, withTags, uids, sortBy, sortOrder, searchIn } =
      this.options
    const query: UsersQueryInput = { perPage: limit, page }
    if (searchKeyword) query.searchKey = searchKeyword
    if (status) query.status = status.toLowerCase() as UsersQueryInput['status']
    if (hideBlockedUsers) query.hideBlockedUsers = true
    // As the SDK: one role is sent as `roles`.
    const anyRoles = roles?.length ? roles : role ? [role] : undefined
    if (anyRoles) query.roles = anyRoles
    if (tags?.length) query.tags = tags
    if (withTags) query.withTags = true
    if (uids?.length) query.uids = uids
    if (sortBy?.trim()) query.sortBy = sortBy.trim().toLowerCase() as UsersQueryInput['sortBy']
    if (sortOrder?.trim()) query.sortOrder = sortOrder.trim().toLowerCase() as UsersQueryInput['sortOrder']
    if (searchIn?.length) query.searchIn = searchIn as UsersQueryInput['searchIn']
    return query
  }
}
