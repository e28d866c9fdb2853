export * from './surface.js'
// The ETag helpers are the server's and the cache's: inside the package only.
export { userEtag, canonicalJson, ifMatchSatisfied } from './etag.js'
