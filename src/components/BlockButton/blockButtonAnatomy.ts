import { createAnatomy } from '../kit/createAnatomy.js'

/** BlockButton's parts: what is (`state`), the toggle, and the inline confirmation it asks first. */
export const blockButtonAnatomy = createAnatomy('block-button').parts('root', 'state', 'toggle', 'confirm', 'question', 'confirm-button', 'cancel', 'error')
