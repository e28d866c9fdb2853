import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { UploadProgress } from '../../client/index.js'
import type { User, UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { optimisticUpdate } from '../optimisticUpdate.js'
import { composeMutationOptions, type UserkitMutationOptions } from './mutationOptions.js'

export interface UploadAvatarVariables {
  /** The picture (a `File` from an input, a drop or the clipboard; a `Blob` from a canvas). */
  file: Blob
  /** Whose picture: absent, the logged-in user's. */
  uid?: string
  /** As in `useUpdateUser`: by default the version on screen, `false` for none. */
  ifMatch?: string | false
}

export type UseUploadAvatarResult = UseMutationResult<User, UserkitError, UploadAvatarVariables> & {
  /** How much of the current upload has gone; `null` when none is under way. */
  progress: UploadProgress | null
  /** The picture being uploaded, as an object URL to show at once; `null` when none is, or it failed. */
  preview: string | null
  /**
   * Stops the upload under way: it rejects with an `AbortError` and nothing changes. Leaving the
   * screen does not: a picture the person chose to save is saved, as a form's save would be.
   */
  abort(): void
}

/**
 * Uploads a picture (`PUT /me/avatar`, or `/users/{uid}/avatar` with `uid`) with its progress, a
 * preview of the file while it goes, and a way to stop it. On success the saved user replaces the
 * cached one everywhere (detail, lists, the logged-in user); on failure the preview goes and
 * everything stays as it was (after a conflict, the server's copy).
 *
 * @example
 * const upload = useUploadAvatar()
 * upload.mutate({ file }) // upload.progress, upload.preview, upload.abort()
 */
export function useUploadAvatar(options?: UserkitMutationOptions<User, UploadAvatarVariables>): UseUploadAvatarResult {
  const { client, store } = useUserkit('useUploadAvatar')
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const [preview, setPreview] = useState<string | null>(null)
  const controller = useRef<AbortController | null>(null)

  // An object URL holds the file in memory until revoked.
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview])

  const mutation = useMutation(
    composeMutationOptions<User, UploadAvatarVariables, unknown>(
      {
        mutationFn: async ({ file, uid, ifMatch }) => {
          controller.current?.abort()
          const own = new AbortController()
          controller.current = own
          setProgress({ loaded: 0, total: file.size })
          setPreview(typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null)
          const target = uid ?? store.getState().user?.uid
          const send = (version: string | undefined): Promise<User> =>
            client.uploadAvatar(file, {
              ...(uid !== undefined ? { uid } : {}),
              ...(version ? { ifMatch: version } : {}),
              signal: own.signal,
              onProgress: (seen) => {
                if (controller.current === own) setProgress(seen)
              },
            })
          try {
            if (!target) return await send(ifMatch || undefined)
            return await optimisticUpdate({ queryClient, store, uid: target, input: {}, ifMatch, send })
          } finally {
            if (controller.current === own) {
              controller.current = null
              setProgress(null)
              setPreview(null)
            }
          }
        },
      },
      options,
    ),
  )
  const abort = useCallback(() => controller.current?.abort(), [])
  return Object.assign(mutation, { progress, preview, abort })
}
