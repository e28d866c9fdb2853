import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { File as NodeFile } from 'node:buffer'
import { afterEach, beforeAll, expect, it } from 'vitest'
import { useCurrentUser, useUploadAvatar, useUser } from '../../src/react/index.js'
import { png } from '../contract/avatarImages.js'
import { createReactHarness } from './harness.js'

afterEach(cleanup)

// jsdom has no object URLs, and its File is one Node's fetch cannot send: the browser has both.
beforeAll(() => {
  let made = 0
  URL.createObjectURL ??= () => `blob:userkit.test/${++made}`
  URL.revokeObjectURL ??= () => {}
})
const file = (parts: Array<string | Uint8Array>, name: string, type: string): File => new NodeFile(parts, name, { type }) as unknown as File

const picture = async (): Promise<File> => file([await png()], 'me.png', 'image/png')

function useSetup() {
  return { upload: useUploadAvatar(), me: useCurrentUser((state) => state.user), ada: useUser('ada').data }
}

it('shows the file while it uploads, then the saved picture everywhere', async () => {
  const h = createReactHarness()
  await h.seed('ada')
  await h.loginAs('ada')
  const { result } = renderHook(useSetup, { wrapper: h.wrapper })
  await waitFor(() => expect(result.current.ada).toBeDefined())
  h.gate.hold()
  const file = await picture()
  act(() => result.current.upload.mutate({ file }))
  await waitFor(() => expect(result.current.upload.progress).toEqual({ loaded: 0, total: file.size }))
  expect(result.current.upload.preview).toMatch(/^blob:/)
  h.gate.release()
  await waitFor(() => expect(result.current.upload.isSuccess).toBe(true))
  expect(result.current.upload.preview).toBeNull()
  expect(result.current.upload.progress).toBeNull()
  expect(result.current.me?.avatar).toMatch(/\/v3\.0\/avatars\/[0-9a-f]{64}\.webp$/)
  expect(result.current.ada?.avatar).toBe(result.current.me?.avatar)
})

it('rolls the preview back and keeps the old picture when the server refuses', async () => {
  const h = createReactHarness()
  await h.seed('ada')
  await h.admin.updateUser('ada', { avatar: 'https://example.com/old.png' })
  await h.loginAs('ada')
  const { result } = renderHook(useSetup, { wrapper: h.wrapper })
  await waitFor(() => expect(result.current.ada).toBeDefined())
  act(() => result.current.upload.mutate({ file: file(['<svg/>'], 'x.svg', 'image/svg+xml') }))
  await waitFor(() => expect(result.current.upload.isError).toBe(true))
  expect(result.current.upload.error?.code).toBe('ERR_UNSUPPORTED_MEDIA_TYPE')
  expect(result.current.upload.preview).toBeNull()
  expect([result.current.me?.avatar, result.current.ada?.avatar]).toEqual(['https://example.com/old.png', 'https://example.com/old.png'])
})

it('stops an upload on abort: it fails with AbortError and nothing changes', async () => {
  const h = createReactHarness()
  await h.seed('ada')
  await h.loginAs('ada')
  const { result } = renderHook(useSetup, { wrapper: h.wrapper })
  h.gate.hold()
  act(() => result.current.upload.mutate({ file: file(['x'], 'x', '') }))
  await waitFor(() => expect(result.current.upload.progress).not.toBeNull())
  act(() => result.current.upload.abort())
  await waitFor(() => expect(result.current.upload.isError).toBe(true))
  expect((result.current.upload.error as unknown as Error).name).toBe('AbortError')
  h.gate.release()
  expect((await h.admin.getUser('ada')).avatar).toBeUndefined()
})
