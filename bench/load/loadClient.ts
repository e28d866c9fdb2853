// The load client, a process of its own (httpLoad.ts starts it): the server's process then counts
// only the server's CPU. Prints autocannon's result as one line of JSON.
import autocannon from 'autocannon'
import type { HttpLoadOptions } from './httpLoad.js'
import varyRequest from './varyRequest.cjs'

const { url, seconds, connections, ...context } = JSON.parse(process.argv[2] as string) as HttpLoadOptions
const result = await autocannon({ url, connections, duration: seconds, initialContext: context, requests: [{ setupRequest: varyRequest }] })
process.stdout.write(`${JSON.stringify(result)}\n`)
