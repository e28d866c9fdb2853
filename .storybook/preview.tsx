import type { Decorator, Preview } from '@storybook/react-vite'
import { UserkitProvider } from '../src/react/index.js'
import { createStoryBackend, type StoryBackend, type StoryBackendOptions } from '../stories/support/storyBackend.js'
import '../src/styles.css'

/** Each story's own backend: the real handler over a memory store, seeded, in the browser. */
const withBackend: Decorator = (Story, { loaded, globals, parameters }) => {
  const backend = loaded.backend as StoryBackend
  const theme = (parameters.theme as string | undefined) ?? (globals.theme as string | undefined)
  return (
    <UserkitProvider client={backend.client} queryClient={backend.queryClient} store={backend.store} events={backend.events}>
      <div data-theme={theme} dir={parameters.dir as string | undefined} className="story-canvas">
        <Story />
      </div>
    </UserkitProvider>
  )
}

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [async ({ parameters }) => ({ backend: await createStoryBackend(parameters.userkit as StoryBackendOptions | undefined) })],
  decorators: [withBackend],
  globalTypes: {
    theme: {
      description: 'Light or dark theme (data-theme)',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    // An axe violation fails the story, in Storybook's test panel and in `npm test`.
    a11y: { test: 'error' },
    controls: { expanded: true },
    layout: 'padded',
  },
}

export default preview
