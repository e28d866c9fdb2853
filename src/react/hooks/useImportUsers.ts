import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query'
import type { ImportReport, ImportUsersOptions } from '../../client/index.js'
import type { UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { userKeys } from '../userKeys.js'
import { composeMutationOptions, type UserkitMutationOptions } from './mutationOptions.js'

export interface ImportUsersVariables extends Pick<ImportUsersOptions, 'format' | 'dryRun'> {
  /** The file's text: CSV with a header row, or JSON Lines. */
  text: string
}

/**
 * Creates or updates users from a CSV or JSON Lines file (`client.importUsers`), each row whole or
 * not at all; `dryRun` reports what would change and writes nothing. After a real run every cached
 * list and user loads again.
 *
 * @example const upload = useImportUsers(); const report = await upload.mutateAsync({ text, dryRun: true })
 */
export function useImportUsers(options?: UserkitMutationOptions<ImportReport, ImportUsersVariables>): UseMutationResult<ImportReport, UserkitError, ImportUsersVariables> {
  const { client } = useUserkit('useImportUsers')
  const queryClient = useQueryClient()
  return useMutation(
    composeMutationOptions<ImportReport, ImportUsersVariables, unknown>(
      {
        mutationFn: ({ text, ...rest }) => client.importUsers(text, rest),
        onSuccess: (report) => (report.dryRun ? undefined : queryClient.invalidateQueries({ queryKey: userKeys.all })),
        meta: { hook: 'useImportUsers' },
      },
      options,
    ),
  )
}
