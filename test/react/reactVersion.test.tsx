import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query'
import { cleanup, render, screen } from '@testing-library/react'
import { version } from 'react'
import { version as domVersion } from 'react-dom'
import { renderToString } from 'react-dom/server'
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import { afterEach, expect, it } from 'vitest'

afterEach(cleanup)

// The same hook suite runs twice: project `react` with React 19, `react18` with React 18 aliased in.
it('runs against the React major its project names, with react-dom of the same version', () => {
  const major = process.env.USERKIT_REACT_MAJOR
  expect(major).toMatch(/^1[89]$/)
  expect(version.split('.')[0]).toBe(major)
  expect(domVersion).toBe(version)
  expect(renderToString(<p>{version}</p>)).toBe(`<p>${version}</p>`)
})

// Two copies of React would fail here: hooks called by a library on another copy throw.
it('gives TanStack Query, zustand and Testing Library that same React', () => {
  const store = createStore(() => ({ greeting: 'hello' }))
  function Probe() {
    const greeting = useStore(store, (state) => state.greeting)
    return <p>{`${greeting} from ${useQueryClient() ? version : 'nowhere'}`}</p>
  }
  render(
    <QueryClientProvider client={new QueryClient()}>
      <Probe />
    </QueryClientProvider>,
  )
  expect(screen.getByText(`hello from ${version}`)).toBeTruthy()
})
