import type { ButtonHTMLAttributes, HTMLAttributes, ImgHTMLAttributes, InputHTMLAttributes, LabelHTMLAttributes } from 'react'
import type { User } from '../../model/index.js'
import type { PartProps } from '../kit/types.js'
import type { AvatarPickerLabels } from './avatarPickerLabels.js'
import type { CropFrame } from './useCropFrame.js'

export interface UseAvatarPickerOptions {
  /** Whose picture: absent, the logged-in user's. Ignored with `deferred`. */
  uid?: string
  /** The picture the user has now, if any: "Remove picture" is offered only then. */
  avatar?: string | undefined
  /**
   * Keep the framed picture instead of uploading it, for a user who does not exist yet
   * (CreateUserForm): `actions.uploadTo(uid)` sends it once they do.
   * @default false
   */
  deferred?: boolean
  /**
   * Deferred: set to the function that uploads the kept picture for a uid, so a form can send it
   * the moment it has created the user (before it goes away).
   * @example onCreated: (user) => void pictureRef.current?.(user.uid)
   */
  uploadRef?: { current: ((uid: string) => Promise<User | null>) | null }
  /** The side of the round frame, in CSS pixels. @default 240 */
  frameSize?: number
  /** Called with the saved user after an upload or a removal. */
  onChange?: (user: User) => void
  labels?: Partial<AvatarPickerLabels>
}

export type AvatarPickerStatus = 'idle' | 'loading' | 'cropping' | 'uploading' | 'pending'

export interface AvatarPickerState {
  status: AvatarPickerStatus
  /** The chosen file, as an object URL, while it is framed. */
  source: string | null
  /** What the person sees as their picture while it uploads, or, deferred, the one kept. */
  preview: string | null
  /** Whole percent of the upload sent; `null` when none is under way. */
  percent: number | null
  /** What just happened ("Picture saved."), for the polite status region. */
  notice: string | null
  /** What went wrong, in the person's words. */
  error: string | null
  crop: CropFrame['view']
}

export interface UseAvatarPickerResult {
  state: AvatarPickerState
  actions: {
    /** Starts framing a file (from an input, a drop or the clipboard); refuses what is not a picture. */
    choose(file: File | Blob): void
    confirm(): Promise<void>
    cancel(): void
    remove(): void
    /** Deferred: uploads the kept picture for `uid`; resolves the saved user, or `null` when none was kept. */
    uploadTo(uid: string): Promise<User | null>
  }
  labels: AvatarPickerLabels
  ids: { fileInput: string; crop: string; cropHint: string; zoom: string; choose: string }
  getRootProps(props?: HTMLAttributes<HTMLDivElement>): PartProps<HTMLAttributes<HTMLDivElement>>
  /** The picture being uploaded or kept; `undefined` when there is none. */
  getCurrentProps(props?: ImgHTMLAttributes<HTMLImageElement>): PartProps<ImgHTMLAttributes<HTMLImageElement>> | undefined
  getChooseProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): PartProps<ButtonHTMLAttributes<HTMLButtonElement>>
  getFileInputProps(props?: InputHTMLAttributes<HTMLInputElement>): PartProps<InputHTMLAttributes<HTMLInputElement>>
  getDropHintProps(props?: HTMLAttributes<HTMLSpanElement>): PartProps<HTMLAttributes<HTMLSpanElement>>
  /** The framing parts: `undefined` unless a picture is being framed. */
  getCropProps(props?: HTMLAttributes<HTMLDivElement>): PartProps<HTMLAttributes<HTMLDivElement>> | undefined
  getCropImageProps(props?: ImgHTMLAttributes<HTMLImageElement>): PartProps<ImgHTMLAttributes<HTMLImageElement>>
  getCropHintProps(props?: HTMLAttributes<HTMLParagraphElement>): PartProps<HTMLAttributes<HTMLParagraphElement>>
  getZoomLabelProps(props?: LabelHTMLAttributes<HTMLLabelElement>): PartProps<LabelHTMLAttributes<HTMLLabelElement>>
  getZoomProps(props?: InputHTMLAttributes<HTMLInputElement>): PartProps<InputHTMLAttributes<HTMLInputElement>>
  getConfirmProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): PartProps<ButtonHTMLAttributes<HTMLButtonElement>>
  getCancelProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): PartProps<ButtonHTMLAttributes<HTMLButtonElement>>
  /** `undefined` when there is nothing to remove. */
  getRemoveProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): PartProps<ButtonHTMLAttributes<HTMLButtonElement>> | undefined
  /** `undefined` unless uploading. */
  getProgressProps(props?: HTMLAttributes<HTMLProgressElement>): PartProps<HTMLAttributes<HTMLProgressElement> & { value: number; max: number }> | undefined
  getStatusProps(props?: HTMLAttributes<HTMLParagraphElement>): PartProps<HTMLAttributes<HTMLParagraphElement>>
  /** `undefined` unless something went wrong. */
  getErrorProps(props?: HTMLAttributes<HTMLParagraphElement>): PartProps<HTMLAttributes<HTMLParagraphElement>> | undefined
}
