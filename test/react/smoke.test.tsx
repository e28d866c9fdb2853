import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import { expect, it } from 'vitest'
import { useUpdateUser, useUser } from '../../src/react/index.js'
import { createReactHarness } from './harness.js'

it('shows a user, then an optimistic edit before the server answers', async () => {
  const h = createReactHarness()
  await h.seed({ uid: 'ada', name: 'Ada' }, { uid: 'root', role: 'admin' })
  await h.loginAs('root')
  function Name({ uid }: { uid: string }) {
    const { data } = useUser(uid)
    return <p>{data?.name ?? 'loading'}</p>
  }
  render(<Name uid="ada" />, { wrapper: h.wrapper })
  expect(await screen.findByText('Ada')).toBeTruthy()
  const { result } = renderHook(() => useUpdateUser(), { wrapper: h.wrapper })
  h.gate.hold()
  act(() => result.current.mutate({ uid: 'ada', input: { name: 'Ada L' } }))
  expect(await screen.findByText('Ada L')).toBeTruthy()
  h.gate.release()
  await waitFor(() => expect(result.current.isSuccess || result.current.isError).toBe(true))
  expect(result.current.error).toBeNull()
})
