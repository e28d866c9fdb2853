import { limits, type RuleCode } from '../../model/index.js'

/** The most characters `field` takes (a tag's for `tags`). */
export function maxLength(field: string): number {
  const max: Record<string, number> = {
    uid: limits.uidLength,
    name: limits.nameLength,
    avatar: limits.urlLength,
    link: limits.urlLength,
    role: limits.roleLength,
    statusMessage: limits.statusMessageLength,
    tags: limits.tagLength,
  }
  return max[field] ?? limits.nameLength
}

/**
 * What a person reads beside a refused field, in English: the labels' default `fieldError`. An app
 * in another language writes its own from the same `(field, rule)`, as the demo's French does.
 */
export function englishFieldError(field: string, rule: RuleCode): string {
  switch (rule) {
    case 'required':
      return field === 'uid' ? 'Enter a user ID.' : field === 'tags' ? 'A tag cannot be empty.' : field === 'role' ? 'Choose a role.' : 'Enter a name.'
    case 'tooLong':
      return field === 'tags' ? `Keep each tag to ${maxLength(field)} characters or fewer.` : `Use ${maxLength(field)} characters or fewer.`
    case 'tooMany':
      return `Use ${limits.tags} tags or fewer.`
    case 'tooLarge':
      return `Keep the metadata under ${limits.metadataBytes / 1024} KB.`
    case 'pattern':
      return 'Use only letters, digits, _ and -.'
    case 'invisible':
      return 'Type at least one visible character.'
    case 'direction':
      return 'Remove the hidden characters that change the text direction.'
    case 'unstorable':
      return 'Remove the hidden control characters.'
    case 'url':
      return 'Enter a web address starting with https://'
    case 'reservedKey':
      return 'The key __proto__ cannot be used.'
    case 'privateObject':
      return 'The @private entry must hold keys and values.'
    case 'notFound':
      return field === 'role' ? 'This role does not exist on the server.' : 'This does not exist on the server.'
    case 'type':
    case 'invalid':
      return 'Check this field.'
  }
}
