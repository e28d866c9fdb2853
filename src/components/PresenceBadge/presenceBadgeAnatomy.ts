import { createAnatomy } from '../kit/createAnatomy.js'

/** PresenceBadge's parts: the dot and the text. */
export const presenceBadgeAnatomy = createAnatomy('presence-badge').parts('root', 'indicator', 'label')
