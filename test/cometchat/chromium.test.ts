import { chromiumRuntime, startPageServer } from './chromiumRuntime.js'
import { describeSdkRuntime } from './describeSdkRuntime.js'
import { selfSignedCertificate } from './selfSignedCertificate.js'
import { APP_ID } from './sdkServer.js'

let page: Awaited<ReturnType<typeof startPageServer>> | undefined

describeSdkRuntime('headless Chromium', {
  // The SDK always speaks https, and its page is on another origin: the handler answers CORS.
  server: async () => {
    page = await startPageServer()
    return { https: selfSignedCertificate(), corsOrigin: page.origin }
  },
  open: (server) => chromiumRuntime(page!.origin, server.host, APP_ID),
  cleanup: async () => page?.close(),
})
