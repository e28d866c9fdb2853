// `npm start`: the demo app and the Userkit server on one port, data in ./.userkit-data.
import { fileURLToPath } from 'node:url'
import { startDemo } from './startDemo.js'

const env = process.env
const demo = await startDemo({
  dataDir: env.USERKIT_DATA_DIR ?? '.userkit-data',
  staticDir: fileURLToPath(new URL('../dist', import.meta.url)),
  port: Number(env.PORT ?? 3000),
  hostname: env.HOST ?? '127.0.0.1',
  env,
})
for (const key of demo.generated) console.log(`Generated a ${key.scope} key (kept in ${demo.dataDir}; shown only now): ${key.key}`)
if (demo.seeded > 0) console.log(`Seeded ${demo.seeded} users.`)
console.log(`Userkit demo on ${demo.url} (admin console and profile; API on ${demo.url}/v3 and ${demo.url}/v3.0)`)
console.log(`Data and keys in ${demo.dataDir} (keys.json). Ctrl-C stops.`)

let stopping = false
const stop = async (): Promise<void> => {
  if (stopping) return
  stopping = true
  await demo.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
