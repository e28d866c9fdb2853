import { performance } from 'node:perf_hooks'
import type { LoadFigures } from './figures.js'
import { percentile } from './percentile.js'

/** `concurrency` loops calling `operation` back to back for `seconds`: the driver's side of the comparison. */
export async function driverLoad(operation: () => Promise<unknown>, seconds: number, concurrency: number): Promise<LoadFigures> {
  const latencies: number[] = []
  const start = performance.now()
  const deadline = start + seconds * 1000
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const begun = performance.now()
      await operation()
      latencies.push(performance.now() - begun)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, loop))
  const elapsed = (performance.now() - start) / 1000
  latencies.sort((a, b) => a - b)
  return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), completed: latencies.length }
}
