import type { ReactNode } from 'react'
import type { EditorLabels } from './editorLabels.js'

export interface EditorLoadStateProps {
  state: string
  labels: Pick<EditorLabels, 'loading' | 'retry'> & { loadError: string }
  retry: () => void
}

/** What an editor shows until its user is loaded: a status while loading, an alert with Retry on failure. */
export function EditorLoadState({ state, labels, retry }: EditorLoadStateProps): ReactNode {
  if (state === 'loading') {
    return (
      <p role="status" data-part="loading">
        {labels.loading}
      </p>
    )
  }
  if (state !== 'error') return null
  return (
    <div role="alert" data-part="load-error">
      <p>{labels.loadError}</p>
      <button type="button" data-part="retry" data-variant="default" onClick={retry}>
        {labels.retry}
      </button>
    </div>
  )
}
