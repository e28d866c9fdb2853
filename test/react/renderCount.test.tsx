import { cleanup } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { measureRowRenders } from './figures.js'

afterEach(cleanup)

describe('a 1,000-row list of memo’d rows reading useUser', () => {
  it('shows every row from the list alone, and re-renders only the updated row', async () => {
    const figures = await measureRowRenders({ rows: 1000 })

    expect(figures.rows).toBe(1000)
    expect(figures.requestsToShow).toBe(1)
    expect(figures.rerenderedUids).toEqual([figures.updated.uid])
    expect(figures.rerendered).toBe(1)
  })
})
