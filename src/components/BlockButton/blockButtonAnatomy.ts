import { createAnatomy } from '../kit/createAnatomy.js'

/** BlockButton's parts: the toggle, and the inline confirmation it may ask first. */
export const blockButtonAnatomy = createAnatomy('block-button').parts('root', 'toggle', 'confirm', 'question', 'confirm-button', 'cancel', 'error')
