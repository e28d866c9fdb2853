import type { FieldErrors } from './errors.js'

/**
 * Why a field was refused, in no language: the wire's `error.rules` beside `details`' English, and
 * what an app's labels turn into a sentence (`fieldError(field, rule)`).
 */
export type RuleCode =
  | 'required'
  | 'tooLong'
  | 'tooMany'
  | 'tooLarge'
  | 'pattern'
  | 'invisible'
  | 'direction'
  | 'unstorable'
  | 'url'
  | 'type'
  | 'reservedKey'
  | 'privateObject'
  | 'notFound'
  | 'invalid'

/** A field's rule codes, in the order of its messages. */
export type FieldRules = Record<string, RuleCode[]>

// The schemas' messages are fixed strings made once, at load: each is remembered with its rule, so
// a refusal carries both without valibot knowing about codes.
const byMessage = new Map<string, RuleCode>()

/** An English message of a schema, remembered as breaking `code`. */
export function rule(code: RuleCode, message: string): string {
  byMessage.set(message, code)
  return message
}

/** The rule a schema's message stands for; `invalid` for a message no schema wrote. */
export function ruleOf(message: string): RuleCode {
  return byMessage.get(message) ?? 'invalid'
}

/** The rules behind each field's messages. */
export function fieldRules(details: FieldErrors): FieldRules {
  return Object.fromEntries(Object.entries(details).map(([field, messages]) => [field, messages.map(ruleOf)]))
}
