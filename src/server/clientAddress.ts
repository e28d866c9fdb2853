// `serve()` knows each request's socket; the handler, a plain Request → Response function, does not.
// The two meet here, keyed by the request object itself, so nothing outlives the request.
const addresses = new WeakMap<Request, string>()

/** Remembers the address of the socket `request` came on (called by `serve()`). */
export function rememberClientAddress(request: Request, address: string | undefined): void {
  if (address) addresses.set(request, address)
}

/** The address `serve()` saw for `request`; `undefined` in-process or under another server. */
export function clientAddressOf(request: Request): string | undefined {
  return addresses.get(request)
}
