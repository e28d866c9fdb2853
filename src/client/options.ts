/** The one thing the client needs from `fetch`: a `Request` in, a `Response` out. */
export type FetchLike = (request: Request) => Promise<Response>

/**
 * Options of {@link createUserClient}.
 *
 * Which API a call goes to: the client API (`/v3.0`, header `authtoken`) when the client holds an
 * auth token, else the REST API (`/v3`, header `apikey`) when it holds a key. `createUser` and
 * `createAuthToken` prefer the key when there is one, since that is what `authOnly` keys are for.
 * Methods that exist on one API only always go there. Without any usable credential the request
 * is still sent, and the server's 401 is what the caller gets.
 *
 * @example
 * const client = createUserClient({ baseUrl: 'https://users.example.com', authToken })
 */
export interface UserClientOptions {
  /**
   * Where the server lives, without the API version: the client appends `/v3` or `/v3.0`.
   * A trailing slash is fine.
   * @example 'http://127.0.0.1:3000'
   */
  baseUrl: string
  /**
   * Sent as the header `appid` when given.
   * @default undefined
   */
  appId?: string
  /**
   * A REST API key (`fullAccess` or `authOnly`), sent as the header `apikey`. Keep `fullAccess`
   * keys on servers: never ship one to a browser.
   * @default undefined
   */
  apiKey?: string
  /**
   * A user's auth token, sent as the header `authtoken`. Change it later with `setAuthToken`.
   * @default undefined
   */
  authToken?: string
  /**
   * The function that sends each request. Tests pass the server handler itself:
   * `fetch: (request) => handler(request)`.
   * @default globalThis.fetch
   */
  fetch?: FetchLike
  /**
   * Whether `getUser` calls made in the same tick are sent as one `GET /users?uids=…`.
   * @default true
   */
  batchGetUser?: boolean
}
