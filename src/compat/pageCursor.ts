import type { User as WireUser } from '../model/index.js'
import type { CometChatException } from './CometChatException.js'
import type { User } from './User.js'
import { userFromWire } from './userWire.js'

/**
 * The SDK's paging for `fetchNext()`: it starts after the builder's `setPage(n)`, moves on only
 * after a page that had users, and a call made while one is under way resolves `[]` and sends nothing.
 */
export class PageCursor {
  private current = 0
  private fetching = false

  constructor(private readonly startAfter: number) {}

  /** The last page fetched with users in it; 0 before the first. */
  get page(): number {
    return this.current
  }

  async next(check: () => CometChatException | undefined, fetchPage: (page: number) => Promise<WireUser[]>): Promise<User[]> {
    if (this.fetching) {
      this.fetching = false
      return []
    }
    const problem = check()
    if (problem) throw problem
    this.fetching = true
    try {
      const page = this.current === 0 ? this.startAfter + 1 : this.current + 1
      const users = await fetchPage(page)
      if (users.length > 0) this.current = page
      return users.map(userFromWire)
    } finally {
      this.fetching = false
    }
  }
}
