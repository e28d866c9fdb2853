#!/usr/bin/env node
import { startServer } from '../server/node/startServer.js'

const server = await startServer()
let stopping = false
const stop = async (): Promise<void> => {
  if (stopping) return
  stopping = true
  await server.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
