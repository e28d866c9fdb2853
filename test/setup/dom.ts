// For every jsdom test file: jest-dom's matchers, and time for answers from the real handler on a
// busy machine (two cores share PGlite, Chromium and jsdom during `npm test`).
import '@testing-library/jest-dom/vitest'
import { configure } from '@testing-library/react'

configure({ asyncUtilTimeout: 5_000 })
