import { createAnatomy } from '../kit/createAnatomy.js'

/** UserMenu's parts: the trigger, the popover with its menu, and the status message form inside it. */
export const userMenuAnatomy = createAnatomy('user-menu').parts(
  'root',
  'trigger',
  'trigger-label',
  'popover',
  'header',
  'identity',
  'name',
  'status-message',
  'menu',
  'item',
  'separator',
  'status-form',
  'label',
  'input',
  'field-error',
  'actions',
  'cancel',
  'save',
  'announcer',
)
