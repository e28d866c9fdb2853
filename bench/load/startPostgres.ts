import type { TestProject } from 'vitest/node'
import setupPostgres from '../../test/setup/postgres.js'

export interface PostgresCluster {
  /** A superuser connection to the cluster's `postgres` database. */
  url: string
  /** Stops the cluster and deletes its directory. */
  stop(): Promise<void>
}

/** The unit tests' throwaway cluster (test/setup/postgres.ts), started outside Vitest. */
export async function startPostgres(): Promise<PostgresCluster> {
  let url: string | undefined
  // The setup hands its connection string to Vitest's provide(), the one thing it uses of the project.
  const project = { provide: (_key: string, value: string) => void (url = value) } as unknown as TestProject
  const stop = await setupPostgres(project)
  if (url === undefined) {
    await stop()
    throw new Error('test/setup/postgres.ts started no cluster it could name')
  }
  return { url, stop }
}
