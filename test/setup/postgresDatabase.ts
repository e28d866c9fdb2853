import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'

export interface TestDatabase {
  /** A connection string to the new, empty database. */
  url: string
  /** Drops the database; its connections must be closed first. */
  drop(): Promise<void>
}

/** Runs `sql` on the throwaway cluster's admin database (test/setup/postgres.ts). */
async function asAdmin(sql: string): Promise<void> {
  const adminUrl = inject('postgresAdminUrl')
  if (!adminUrl) throw new Error('No test PostgreSQL: test/setup/postgres.ts is the globalSetup of the unit project only')
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(sql)
  } finally {
    await admin.end()
  }
}

/**
 * A database of its own on the test cluster: test files run in parallel, and a TRUNCATE in one must
 * never reach another's tables.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `userkit_test_${randomUUID().replaceAll('-', '')}`
  await asAdmin(`CREATE DATABASE ${name}`)
  const url = new URL(inject('postgresAdminUrl'))
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => asAdmin(`DROP DATABASE IF EXISTS ${name}`) }
}
