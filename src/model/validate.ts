import * as v from 'valibot'
import { UserkitError, type FieldErrors } from './errors.js'

/** Parses `input` or throws `ERR_BAD_REQUEST` with `details` naming each bad field. */
export function parseOrThrow<TSchema extends v.GenericSchema>(schema: TSchema, input: unknown): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input)
  if (result.success) return result.output
  const details = fieldErrors(result.issues)
  const fields = Object.keys(details)
  throw new UserkitError('ERR_BAD_REQUEST', `Invalid ${fields.join(', ')}: ${Object.values(details)[0]?.[0] ?? 'bad input'}`, {
    details,
  })
}

/** valibot issues as field → messages, the first segment of the path naming the field. */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
  const details: FieldErrors = {}
  for (const issue of issues) {
    const field = issue.path?.[0]?.key
    const name = typeof field === 'string' ? field : 'body'
    const messages = (details[name] ??= [])
    if (!messages.includes(issue.message)) messages.push(issue.message)
  }
  return details
}
