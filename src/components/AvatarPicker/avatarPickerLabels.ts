/** What AvatarPicker shows and says. */
export interface AvatarPickerLabels {
  choose: string
  /** Beside the button: the other ways in. */
  dropHint: string
  /** The crop frame's accessible name. */
  cropArea: string
  /** How the frame is moved with the keyboard (and the pointer). */
  cropHint: string
  zoom: string
  confirm: string
  cancel: string
  remove: string
  /** The progress bar's accessible name. */
  uploading: string
  /** Said while uploading, with how much has gone. */
  uploadingPercent: (percent: number) => string
  uploaded: string
  removed: string
  /** With no user yet (CreateUserForm): the picture goes up once the user exists. */
  pending: string
  notAPicture: string
  tooLarge: string
  uploadFailed: string
}

export const avatarPickerLabels: AvatarPickerLabels = {
  choose: 'Choose a picture',
  dropHint: 'or drop one here, or paste it',
  cropArea: 'Picture framing',
  cropHint: 'Drag or use the arrow keys to move the picture; + and − zoom.',
  zoom: 'Zoom',
  confirm: 'Use this picture',
  cancel: 'Cancel',
  remove: 'Remove picture',
  uploading: 'Uploading the picture',
  uploadingPercent: (percent) => `Uploading… ${percent}%`,
  uploaded: 'Picture saved.',
  removed: 'Picture removed.',
  pending: 'This picture is saved with the user.',
  notAPicture: 'This file is not a picture we can use — choose a PNG, JPEG, WebP or GIF.',
  tooLarge: 'This picture is too large — choose one under 5 MB.',
  uploadFailed: 'The picture could not be saved. Try again.',
}

declare module '../../react/context.js' {
  interface UserkitLabels {
    avatarPicker: AvatarPickerLabels
  }
}
