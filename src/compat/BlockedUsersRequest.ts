import type { BlockedUsersQuery } from '../client/index.js'
import { BLOCKED_USERS_DIRECTIONS } from './constants.js'
import type { CometChatException } from './CometChatException.js'
import { invalidDirection } from './errors.js'
import { checkLimit } from './pageLimit.js'
import { PageCursor } from './pageCursor.js'
import { asUser } from './session.js'
import type { User } from './User.js'

/** @internal What a {@link BlockedUsersRequestBuilder} collects. */
export interface BlockedUsersRequestOptions {
  limit?: number
  page: number
  searchKeyword?: string
  direction?: string
}

const directions: readonly string[] = Object.values(BLOCKED_USERS_DIRECTIONS)

/**
 * The users the logged-in user has blocked, who have blocked them, or both (the direction), made by
 * `BlockedUsersRequestBuilder.build()`. Each
 * `fetchNext()` resolves the next page, and `[]` once there is none.
 */
export class BlockedUsersRequest {
  static directions = BLOCKED_USERS_DIRECTIONS

  private readonly options: BlockedUsersRequestOptions
  private readonly cursor: PageCursor

  /** @private Use `new BlockedUsersRequestBuilder()…build()`. */
  constructor(options: BlockedUsersRequestOptions) {
    this.options = { ...options, searchKeyword: options.searchKeyword?.trim() || undefined }
    this.cursor = new PageCursor(options.page)
  }

  getDirection(): string {
    return this.options.direction as string
  }
  getLimit(): number {
    return this.options.limit as number
  }
  getSearchKeyword(): string {
    return this.options.searchKeyword as string
  }
  /** The last page fetched with users in it; 0 before the first. */
  getPage(): number {
    return this.cursor.page
  }

  async fetchNext(): Promise<User[]> {
    const { limit, searchKeyword, direction } = this.options
    return this.cursor.next(
      () => this.check(),
      async (page) =>
        (
          await asUser((client) =>
            client.getBlockedUsers({ perPage: limit, page, searchKey: searchKeyword, direction: direction as BlockedUsersQuery['direction'] }),
          )
        ).users,
    )
  }

  private check(): CometChatException | undefined {
    const { limit, direction } = this.options
    const limitProblem = checkLimit(limit)
    if (limitProblem) return limitProblem
    if (direction !== undefined && !directions.includes(direction)) return invalidDirection()
    return undefined
  }
}
