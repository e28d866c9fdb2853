import { expect, it } from 'vitest'
import { createUserClient, UserkitError, type UploadProgress } from '../../src/client/index.js'
import { createTestBackend } from '../support/testBackend.js'
import { BASE } from '../support/keys.js'
import { jpeg, png, svgWithScript } from '../contract/avatarImages.js'

async function signedIn(): Promise<{ backend: ReturnType<typeof createTestBackend>; ada: ReturnType<typeof createUserClient> }> {
  const backend = createTestBackend()
  await backend.admin.createUser({ uid: 'ada', name: 'Ada' })
  const { authToken } = await backend.admin.createAuthToken('ada')
  return { backend, ada: createUserClient({ baseUrl: BASE, authToken, fetch: backend.handler }) }
}

const file = (bytes: Uint8Array, type: string, name = 'picture'): File => new File([bytes as Uint8Array<ArrayBuffer>], name, { type })

it('uploads the signed-in user picture and reports the whole file as sent', async () => {
  const { ada } = await signedIn()
  const seen: UploadProgress[] = []
  const picture = file(await png(), 'image/png')
  const user = await ada.uploadAvatar(picture, { onProgress: (progress) => seen.push(progress) })
  expect(user.avatar).toMatch(/^http:\/\/userkit\.test\/v3\.0\/avatars\/[0-9a-f]{64}\.webp$/)
  expect(seen).toEqual([{ loaded: picture.size, total: picture.size }])
  expect((await ada.getMe()).avatar).toBe(user.avatar)
})

it("sets and removes anyone's picture with a key, and removes one's own", async () => {
  const { backend, ada } = await signedIn()
  const set = await backend.admin.uploadAvatar(file(await jpeg(), ''), { uid: 'ada' })
  expect(set.avatar).toContain('/v3.0/avatars/')
  expect((await backend.admin.removeAvatar({ uid: 'ada' })).avatar).toBeUndefined()
  await ada.uploadAvatar(file(await png(), 'image/png'))
  expect((await ada.removeAvatar()).avatar).toBeUndefined()
})

it('rejects a file that is not a picture with the server error, and a stale If-Match with ERR_CONFLICT', async () => {
  const { ada } = await signedIn()
  const refused = await ada.uploadAvatar(file(svgWithScript, 'image/svg+xml', 'me.svg')).catch((error: unknown) => error)
  expect(refused).toBeInstanceOf(UserkitError)
  expect([(refused as UserkitError).code, (refused as UserkitError).status]).toEqual(['ERR_UNSUPPORTED_MEDIA_TYPE', 415])
  const stale = await ada.uploadAvatar(file(await png(), 'image/png'), { ifMatch: '"0"' }).catch((error: unknown) => error)
  expect((stale as UserkitError).code).toBe('ERR_CONFLICT')
})

it('rejects with the abort reason when aborted', async () => {
  const { ada } = await signedIn()
  const controller = new AbortController()
  controller.abort()
  await expect(ada.uploadAvatar(file(await png(), 'image/png'), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' })
})
