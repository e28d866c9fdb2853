'use client'
import { useEffect, useRef, useState, type ClipboardEvent, type DragEvent } from 'react'
import { isUserkitError, type User } from '../../model/index.js'
import { useCurrentUser } from '../../react/hooks/useCurrentUser.js'
import { useUpdateCurrentUser } from '../../react/hooks/useUpdateCurrentUser.js'
import { useUpdateUser } from '../../react/hooks/useUpdateUser.js'
import { useUploadAvatar } from '../../react/hooks/useUploadAvatar.js'
import { buttonPart } from '../kit/buttonPart.js'
import { focusById } from '../kit/focusSoon.js'
import { mergeProps } from '../kit/mergeProps.js'
import { messagePart } from '../kit/messagePart.js'
import { useDomId } from '../kit/useDomId.js'
import { useLabels } from '../shared/useLabels.js'
import { cropToBlob, type ImageSize } from './avatarCrop.js'
import { avatarPickerAnatomy as anatomy } from './avatarPickerAnatomy.js'
import { avatarPickerLabels, type AvatarPickerLabels } from './avatarPickerLabels.js'
import { useCropFrame } from './useCropFrame.js'
import type { AvatarPickerStatus, UseAvatarPickerOptions, UseAvatarPickerResult } from './avatarPickerTypes.js'

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp', 'image/gif']

export type { AvatarPickerState, AvatarPickerStatus, UseAvatarPickerOptions, UseAvatarPickerResult } from './avatarPickerTypes.js'

function messageOf(error: unknown, labels: AvatarPickerLabels): string {
  if (!isUserkitError(error)) return labels.uploadFailed
  if (error.code === 'ERR_UNSUPPORTED_MEDIA_TYPE' || error.code === 'ERR_BAD_REQUEST') return labels.notAPicture
  return error.code === 'ERR_PAYLOAD_TOO_LARGE' ? labels.tooLarge : labels.uploadFailed
}

/**
 * A picture chooser's state and parts: choose, drop or paste an image, frame it in a circle (drag,
 * wheel, arrow keys, + and −), then upload the framed square (resized in the browser to at most
 * 512 px) with its progress, or remove the picture.
 *
 * @example const picker = useAvatarPicker({ avatar: me.avatar })
 */
export function useAvatarPicker(options: UseAvatarPickerOptions = {}): UseAvatarPickerResult {
  const { avatar, deferred = false, uploadRef, frameSize = 240, onChange } = options
  // One's own picture goes to /me/avatar: a user without the right to manage users may change it.
  const me = useCurrentUser((state) => state.user?.uid)
  const uid = options.uid !== undefined && options.uid.toLowerCase() !== me?.toLowerCase() ? options.uid : undefined
  const labels = useLabels('avatarPicker', avatarPickerLabels, options.labels)
  const upload = useUploadAvatar()
  const updateMe = useUpdateCurrentUser()
  const updateUser = useUpdateUser()
  const [source, setSource] = useState<string | null>(null)
  const [image, setImage] = useState<(HTMLImageElement & ImageSize) | null>(null)
  const [kept, setKept] = useState<{ blob: Blob; url: string } | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const crop = useCropFrame(image ? { width: image.naturalWidth, height: image.naturalHeight } : null, frameSize)
  const baseId = useDomId()
  const ids = { fileInput: `${baseId}-file`, crop: `${baseId}-crop`, cropHint: `${baseId}-crop-hint`, zoom: `${baseId}-zoom`, choose: `${baseId}-choose` }
  const latest = useRef({ source, kept })
  latest.current = { source, kept }
  useEffect(
    () => () => {
      if (latest.current.source) URL.revokeObjectURL(latest.current.source)
      if (latest.current.kept) URL.revokeObjectURL(latest.current.kept.url)
    },
    [],
  )

  // Only the picture chosen last may land: an earlier one can finish loading (or fail) after it.
  const loadingRef = useRef<HTMLImageElement | null>(null)
  const closeSource = (): void => {
    loadingRef.current = null
    if (source) URL.revokeObjectURL(source)
    setSource(null)
    setImage(null)
    crop.reset()
  }
  const choose = (file: File | Blob): void => {
    setNotice(null)
    if (!ACCEPTED.includes(file.type)) return setError(labels.notAPicture)
    setError(null)
    closeSource()
    const url = URL.createObjectURL(file)
    setSource(url)
    const loading = new Image()
    loadingRef.current = loading
    loading.onload = () => {
      if (loadingRef.current !== loading) return
      setImage(Object.assign(loading, { width: loading.naturalWidth, height: loading.naturalHeight }))
    }
    loading.onerror = () => {
      URL.revokeObjectURL(url)
      if (loadingRef.current !== loading) return
      setSource(null)
      setError(labels.notAPicture)
    }
    loading.src = url
  }
  const done = (message: string) => (user: User) => {
    setNotice(message)
    onChange?.(user)
  }
  const failed = (reason: unknown): void => {
    if (!(reason instanceof Error && reason.name === 'AbortError')) setError(messageOf(reason, labels))
  }
  const confirm = async (): Promise<void> => {
    if (!image) return
    let blob: Blob
    try {
      blob = await cropToBlob(image, crop.view, frameSize)
    } catch {
      return setError(labels.notAPicture)
    }
    closeSource()
    if (deferred) {
      if (kept) URL.revokeObjectURL(kept.url)
      setKept({ blob, url: URL.createObjectURL(blob) })
      return setNotice(labels.pending)
    }
    upload.mutate({ file: blob, ifMatch: false, ...(uid !== undefined ? { uid } : {}) }, { onSuccess: done(labels.uploaded), onError: failed })
  }
  const cancel = (): void => closeSource()
  const remove = (): void => {
    setError(null)
    if (deferred) {
      if (kept) URL.revokeObjectURL(kept.url)
      setKept(null)
      return setNotice(labels.removed)
    }
    const handlers = { onSuccess: done(labels.removed), onError: failed }
    if (uid === undefined) updateMe.mutate({ unset: ['avatar'], ifMatch: false }, handlers)
    else updateUser.mutate({ uid, unset: ['avatar'], ifMatch: false }, handlers)
  }
  const uploadTo = async (target: string): Promise<User | null> => {
    if (!kept) return null
    try {
      const user = await upload.mutateAsync({ file: kept.blob, uid: target, ifMatch: false })
      URL.revokeObjectURL(kept.url)
      setKept(null)
      done(labels.uploaded)(user)
      return user
    } catch (reason) {
      failed(reason)
      throw reason
    }
  }

  if (uploadRef) uploadRef.current = uploadTo
  // Into the frame once the picture shows in it, and back to the button that opened it after.
  const framing = image !== null
  const wasFraming = useRef(false)
  useEffect(() => {
    if (framing || wasFraming.current) focusById(framing ? ids.crop : ids.choose)
    wasFraming.current = framing
  }, [framing])

  const status: AvatarPickerStatus = upload.isPending ? 'uploading' : image ? 'cropping' : source ? 'loading' : kept ? 'pending' : 'idle'
  const percent = upload.progress ? Math.round((100 * upload.progress.loaded) / Math.max(1, upload.progress.total)) : null
  const preview = upload.preview ?? kept?.url ?? null
  const removable = !upload.isPending && (deferred ? kept !== null : Boolean(avatar))

  return {
    state: { status, source, preview, percent, notice, error, crop: crop.view },
    actions: { choose, confirm, cancel, remove, uploadTo },
    labels,
    ids,
    getRootProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('root'),
          'data-state': status,
          ...(upload.isPending ? { 'aria-busy': true } : {}),
          onDragOver: (event: DragEvent<HTMLDivElement>) => event.preventDefault(),
          onDrop: (event: DragEvent<HTMLDivElement>) => {
            const file = event.dataTransfer?.files?.[0]
            if (!file) return
            event.preventDefault()
            choose(file)
          },
          onPaste: (event: ClipboardEvent<HTMLDivElement>) => {
            const file = [...(event.clipboardData?.files ?? [])][0]
            if (!file) return
            event.preventDefault()
            choose(file)
          },
        },
        props,
      ),
    getCurrentProps: (props) => (preview ? mergeProps({ ...anatomy.attrs('current'), src: preview, alt: '' }, props) : undefined),
    getChooseProps: (props) =>
      mergeProps({ ...buttonPart(anatomy.attrs('choose'), () => document.getElementById(ids.fileInput)?.click()), id: ids.choose, disabled: upload.isPending }, props),
    getFileInputProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('file-input'),
          id: ids.fileInput,
          type: 'file',
          accept: ACCEPTED.join(','),
          tabIndex: -1,
          'aria-hidden': true,
          // Not `hidden`: some browsers and test tools will not hand files to an input not rendered.
          'data-visually-hidden': '',
          onChange: (event: { currentTarget: HTMLInputElement }) => {
            const file = event.currentTarget.files?.[0]
            event.currentTarget.value = ''
            if (file) choose(file)
          },
        },
        props,
      ),
    getDropHintProps: (props) => mergeProps(anatomy.attrs('drop-hint'), props),
    getCropProps: (props) =>
      image ? crop.getCropProps({ id: ids.crop, label: labels.cropArea, hintId: ids.cropHint, onEnter: () => void confirm(), onEscape: cancel }, props) : undefined,
    getCropImageProps: (props) => crop.getCropImageProps(source ?? '', props),
    getCropHintProps: (props) => mergeProps({ ...anatomy.attrs('crop-hint'), id: ids.cropHint }, props),
    getZoomLabelProps: (props) => mergeProps({ ...anatomy.attrs('zoom-label'), htmlFor: ids.zoom }, props),
    getZoomProps: (props) => crop.getZoomProps(ids.zoom, props),
    getConfirmProps: (props) => mergeProps(buttonPart(anatomy.attrs('confirm'), () => void confirm(), 'primary'), props),
    getCancelProps: (props) => mergeProps(buttonPart(anatomy.attrs('cancel'), cancel), props),
    getRemoveProps: (props) => (removable ? mergeProps(buttonPart(anatomy.attrs('remove'), remove, 'danger'), props) : undefined),
    getProgressProps: (props) =>
      percent === null ? undefined : mergeProps({ ...anatomy.attrs('progress'), value: percent, max: 100, 'aria-label': labels.uploading }, props),
    // A polite live region without role="status": it sits inside forms that have their own status.
    getStatusProps: (props) => mergeProps({ ...anatomy.attrs('status'), 'aria-live': 'polite' as const }, props),
    getErrorProps: (props) => (error ? mergeProps(messagePart('alert', anatomy.attrs('error')), props) : undefined),
  }
}
