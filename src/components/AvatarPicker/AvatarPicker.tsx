'use client'
import type { HTMLAttributes, ReactNode } from 'react'
import { cx } from '../shared/cx.js'
import { useAvatarPicker, type UseAvatarPickerOptions, type UseAvatarPickerResult } from './useAvatarPicker.js'

export interface AvatarPickerProps extends UseAvatarPickerOptions, Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'onChange'> {}

/** The picker's markup over a `useAvatarPicker` result: what a fork restyles or rearranges. */
export function AvatarPickerView({ picker, className, ...rest }: { picker: UseAvatarPickerResult } & Omit<HTMLAttributes<HTMLDivElement>, 'children'>): ReactNode {
  const { state, labels } = picker
  const current = picker.getCurrentProps()
  const crop = picker.getCropProps()
  const progress = picker.getProgressProps()
  const remove = picker.getRemoveProps()
  const error = picker.getErrorProps()
  return (
    <div {...picker.getRootProps({ ...rest, className: cx('uk-avatar-picker', className) })}>
      {current ? <img {...current} /> : null}
      {crop ? (
        <>
          <div {...crop}>
            <img {...picker.getCropImageProps()} />
          </div>
          <p {...picker.getCropHintProps()}>{labels.cropHint}</p>
          <label {...picker.getZoomLabelProps()}>{labels.zoom}</label>
          <input {...picker.getZoomProps()} />
          <div data-part="actions">
            <button {...picker.getConfirmProps()}>{labels.confirm}</button>
            <button {...picker.getCancelProps()}>{labels.cancel}</button>
          </div>
        </>
      ) : (
        <div data-part="actions">
          <button {...picker.getChooseProps()}>{labels.choose}</button>
          <span {...picker.getDropHintProps()}>{labels.dropHint}</span>
          {remove ? <button {...remove}>{labels.remove}</button> : null}
        </div>
      )}
      <input {...picker.getFileInputProps()} />
      {progress ? <progress {...progress} /> : null}
      <p {...picker.getStatusProps()}>{state.percent !== null ? labels.uploadingPercent(state.percent) : state.notice}</p>
      {error ? <p {...error}>{state.error}</p> : null}
    </div>
  )
}

/**
 * Lets a person change a picture the way profile screens do: choose a file, drop one or paste
 * one, frame it in a circle (drag, wheel, arrow keys, + and −), and upload it with a progress bar;
 * or remove it. The picture is resized in the browser to at most 512 px before it travels.
 *
 * @example <AvatarPicker avatar={me.avatar} />
 */
export function AvatarPicker({ uid, avatar, deferred, uploadRef, frameSize, onChange, labels, ...rest }: AvatarPickerProps): ReactNode {
  const picker = useAvatarPicker({ uid, avatar, deferred, uploadRef, frameSize, onChange, labels })
  return <AvatarPickerView picker={picker} {...rest} />
}
