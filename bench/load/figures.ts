/** Throughput and latency of one operation under load. */
export interface LoadFigures {
  perSecond: number
  /** Milliseconds. */
  p50: number
  /** Milliseconds. */
  p99: number
  completed: number
}
