import { afterAll, beforeAll, describe, it } from 'vitest'
import type { SdkRuntime } from './sdkRuntime.js'
import { sdkScenarios, seed, type ScenarioContext } from './sdkScenarios.js'
import { startSdkServer, type SdkServer, type SdkServerOptions } from './sdkServer.js'

export interface SdkRuntimeSetup {
  /** How the server must listen for this runtime. */
  server?: () => Promise<SdkServerOptions>
  /** Starts the runtime with the SDK initialised against the server. */
  open(server: SdkServer): Promise<SdkRuntime>
  /** Releases what `server` set up beside the server. */
  cleanup?: () => Promise<void>
}

/** Runs every scenario, in order, as one named test each, against one server and one SDK session. */
export function describeSdkRuntime(title: string, setup: SdkRuntimeSetup): void {
  describe(`CometChat's SDK in ${title}`, () => {
    let ctx: ScenarioContext | undefined
    let server: SdkServer | undefined
    beforeAll(async () => {
      server = await startSdkServer(setup.server ? await setup.server() : {})
      await seed(server)
      ctx = { server, sdk: await setup.open(server) }
    }, 60_000)
    afterAll(async () => {
      await ctx?.sdk.close()
      await server?.close()
      await setup.cleanup?.()
    })
    for (const scenario of sdkScenarios) {
      // A scenario takes under a second; the margin is for a machine busy with other work.
      it(scenario.name, async () => {
        if (!ctx) throw new Error('the SDK runtime did not start')
        await scenario.run(ctx)
      }, 30_000)
    }
  })
}
