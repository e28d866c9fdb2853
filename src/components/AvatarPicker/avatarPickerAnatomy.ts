import { createAnatomy } from '../kit/createAnatomy.js'

/** AvatarPicker's parts, in reading order. */
export const avatarPickerAnatomy = createAnatomy('avatar-picker').parts(
  'root',
  'current',
  'choose',
  'file-input',
  'drop-hint',
  'crop',
  'crop-image',
  'crop-hint',
  'zoom-label',
  'zoom',
  'actions',
  'confirm',
  'cancel',
  'remove',
  'progress',
  'status',
  'error',
)
