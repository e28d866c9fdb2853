import { BLOCKED_USERS_DIRECTIONS } from './constants.js'
import { BlockedUsersRequest, type BlockedUsersRequestOptions } from './BlockedUsersRequest.js'

/**
 * `CometChat.BlockedUsersRequestBuilder`: the users the logged-in user has blocked, page by page.
 *
 * @example
 * const request = new CometChat.BlockedUsersRequestBuilder().setLimit(30).build()
 * const blocked = await request.fetchNext()
 */
export class BlockedUsersRequestBuilder {
  private options: BlockedUsersRequestOptions = { page: 0 }

  /** Users per page, at most 100. */
  setLimit(limit: number): this {
    return this.set({ limit })
  }
  /** A prefix of the uid or name, case-insensitive. */
  setSearchKeyword(searchKeyword: string): this {
    return this.set({ searchKeyword })
  }
  /**
   * One of `BlockedUsersRequest.directions`: the users one has blocked (`BLOCKED_BY_ME`, what the
   * server lists without a direction), those who have blocked one (`HAS_BLOCKED_ME`), or `BOTH`.
   */
  setDirection(direction: string): this {
    return this.set({ direction })
  }
  /** Pages to skip, as the SDK counts: 0 (the default) starts at the first page, 1 at the second. */
  setPage(page: number): this {
    return this.set({ page: Math.max(0, page) })
  }
  /** @internal */
  blockedByMe(): this {
    return this.set({ direction: BLOCKED_USERS_DIRECTIONS.BLOCKED_BY_ME })
  }
  /** @internal */
  hasBlockedMe(): this {
    return this.set({ direction: BLOCKED_USERS_DIRECTIONS.HAS_BLOCKED_ME })
  }
  build(): BlockedUsersRequest {
    return new BlockedUsersRequest(this.options)
  }

  private set(values: Partial<BlockedUsersRequestOptions>): this {
    this.options = { ...this.options, ...values }
    return this
  }
}
