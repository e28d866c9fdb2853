import { RegExpRouter } from 'hono/router/reg-exp-router'
import { expect, it } from 'vitest'
import { memoryStore } from '../../src/server/index.js'
import { createRoles } from '../../src/server/roles.js'
import { clientApi } from '../../src/server/routes/clientApi.js'
import { restApi } from '../../src/server/routes/restApi.js'
import { envKeys } from '../contract/accessKit.js'
import { roles } from '../contract/harness.js'

// Hono's SmartRouter takes its RegExpRouter, the fastest, only when that router accepts every route;
// one static segment beside a parameter (`/users/export` beside `/users/:uid`) sends every request
// of the server through the slower TrieRouter. The same routes would also hide a user whose uid is
// `export` from `GET /users/{uid}`.
it("keeps every route of both surfaces within what Hono's RegExpRouter takes", () => {
  const ctx = { store: memoryStore(), roles: createRoles(roles), now: () => 0 }
  const routes = [
    ...restApi(ctx, envKeys).routes.map(({ method, path }) => [method, `/v3${path}`] as const),
    ...restApi(ctx, envKeys).routes.map(({ method, path }) => [method, `/v3/v3.0${path}`] as const),
    ...clientApi(ctx, createRoles(roles), undefined).routes.map(({ method, path }) => [method, `/v3.0${path}`] as const),
  ]
  const router = new RegExpRouter<number>()
  expect(() => {
    for (const [method, path] of routes) router.add(method, path, 0)
    router.match('GET', '/v3/users/ada')
  }).not.toThrow()
})
