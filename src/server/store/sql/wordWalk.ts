import { searchKeyTerms } from '../searchTerms.js'
import type { ListUsersParams } from '../types.js'
import { likePrefix, listUsersWhere, type BuiltQuery } from './listUsersQuery.js'
import { userColumns } from './rows.js'

/**
 * The one word a name search walks the words table for, or `undefined` when it cannot: a key of
 * several words is an intersection the GIN index answers well; an order other than by name cannot
 * come from the words' index.
 */
export function walkedWord(params: ListUsersParams): string | undefined {
  if (!params.search || params.sortBy !== 'name') return undefined
  const terms = searchKeyTerms(params.search.key)
  return terms.length === 1 ? terms[0] : undefined
}

// The other filters, for the users a word leads to; numbered from `first`.
function otherFilters(params: ListUsersParams, first: number): BuiltQuery {
  const { search: _search, ...rest } = params
  const where = listUsersWhere(rest, first)
  return { sql: where.sql.replace(/^WHERE /, 'AND '), params: where.params }
}

/** Where the row limit goes in the SQL of `wordWalk` and `wordMatches`: the caller numbers it last. */
export const LIMIT = '{limit}'

/**
 * Users with a word starting with `word`, in name order, at most LIMIT of them; parameters numbered
 * from `first`. The words' index is keyed by
 * (word, name): the distinct matching words are found by skipping through it (a loose index scan),
 * and each word's users come already in name order, so the page costs the same at 10k users as at
 * 1M, however many match. Costs grow with the number of distinct words a key starts (a digit may
 * start thousands), not with users.
 */
export function wordWalk(params: ListUsersParams, word: string, first: number): BuiltQuery {
  const pattern = `$${first}`
  const filters = otherFilters(params, first + 1)
  const dir = params.sortOrder === 'desc' ? 'DESC' : 'ASC'
  const limit = LIMIT
  return {
    sql: `(WITH RECURSIVE matched_words(word) AS (
        (SELECT word FROM userkit_user_words WHERE word LIKE ${pattern} ESCAPE '\\' ORDER BY word LIMIT 1)
        UNION ALL
        SELECT (SELECT w.word FROM userkit_user_words w WHERE w.word > matched_words.word AND w.word LIKE ${pattern} ESCAPE '\\' ORDER BY w.word LIMIT 1)
          FROM matched_words WHERE matched_words.word IS NOT NULL
      )
      SELECT DISTINCT ON (found.name_lower, found.uid) found.* FROM matched_words CROSS JOIN LATERAL (
        SELECT ${userColumns}, name_lower FROM userkit_user_words x JOIN userkit_users ON userkit_users.uid = x.user_uid
          WHERE x.word = matched_words.word ${filters.sql}
          ORDER BY x.sort_name ${dir}, x.user_uid ${dir} LIMIT ${limit}
      ) AS found
      ORDER BY found.name_lower ${dir}, found.uid ${dir} LIMIT ${limit})`,
    params: [likePrefix(word), ...filters.params],
  }
}

/** The uids of up to LIMIT users with a word starting with `word`, for a capped count. */
export function wordMatches(params: ListUsersParams, word: string, first: number): BuiltQuery {
  const filters = otherFilters(params, first + 1)
  return {
    sql: `(SELECT userkit_users.uid FROM userkit_user_words x JOIN userkit_users ON userkit_users.uid = x.user_uid
        WHERE x.word LIKE $${first} ESCAPE '\\' ${filters.sql} LIMIT ${LIMIT})`,
    params: [likePrefix(word), ...filters.params],
  }
}
