/** A bare server of the bench's own, listening on loopback. */
export interface BareServer {
  url: string
  close(): Promise<void>
}
