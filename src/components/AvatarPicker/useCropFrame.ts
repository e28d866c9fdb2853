'use client'
import { useRef, useState, type CSSProperties, type HTMLAttributes, type ImgHTMLAttributes, type InputHTMLAttributes, type KeyboardEvent, type PointerEvent } from 'react'
import { mergeProps } from '../kit/mergeProps.js'
import type { PartProps } from '../kit/types.js'
import { avatarPickerAnatomy as anatomy } from './avatarPickerAnatomy.js'
import { clampView, MAX_ZOOM, MIN_ZOOM, scaleOf, type CropView, type ImageSize } from './avatarCrop.js'

const STEP = 8
const ZOOM_STEP = 0.1
const centred: CropView = { x: 0, y: 0, zoom: 1 }

export interface CropFrame {
  view: CropView
  reset(): void
  /** The frame: a focusable group that moves with a drag or the arrow keys and zooms with + and −. */
  getCropProps(extra: { id: string; label: string; hintId: string; onEnter(): void; onEscape(): void }, props?: HTMLAttributes<HTMLDivElement>): PartProps<HTMLAttributes<HTMLDivElement>>
  getCropImageProps(src: string, props?: ImgHTMLAttributes<HTMLImageElement>): PartProps<ImgHTMLAttributes<HTMLImageElement>>
  getZoomProps(id: string, props?: InputHTMLAttributes<HTMLInputElement>): PartProps<InputHTMLAttributes<HTMLInputElement>>
}

/** Where the picture sits in the round frame, and the ways to move it: pointer, wheel, keyboard, slider. */
export function useCropFrame(image: ImageSize | null, frame: number): CropFrame {
  const [view, setView] = useState<CropView>(centred)
  const drag = useRef<{ pointer: number; x: number; y: number; from: CropView } | null>(null)
  const change = (next: (current: CropView) => CropView): void => {
    if (image) setView((current) => clampView(next(current), image, frame))
  }
  const zoomBy = (delta: number): void => change((current) => ({ ...current, zoom: current.zoom + delta }))

  return {
    view,
    reset: () => setView(centred),
    getCropProps: ({ id, label, hintId, onEnter, onEscape }, props) =>
      mergeProps(
        {
          ...anatomy.attrs('crop'),
          id,
          role: 'group',
          tabIndex: 0,
          'aria-label': label,
          'aria-describedby': hintId,
          style: { inlineSize: `${frame}px`, blockSize: `${frame}px` },
          onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => {
            const step = event.shiftKey ? STEP * 4 : STEP
            const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }
            const move = moves[event.key]
            if (move) change((current) => ({ ...current, x: current.x + move[0], y: current.y + move[1] }))
            else if (event.key === '+' || event.key === '=') zoomBy(ZOOM_STEP)
            else if (event.key === '-' || event.key === '_') zoomBy(-ZOOM_STEP)
            else if (event.key === 'Enter') onEnter()
            else if (event.key === 'Escape') onEscape()
            else return
            event.preventDefault()
          },
          onPointerDown: (event: PointerEvent<HTMLDivElement>) => {
            event.currentTarget.setPointerCapture?.(event.pointerId)
            drag.current = { pointer: event.pointerId, x: event.clientX, y: event.clientY, from: view }
          },
          onPointerMove: (event: PointerEvent<HTMLDivElement>) => {
            const start = drag.current
            if (!start || start.pointer !== event.pointerId) return
            change(() => ({ ...start.from, x: start.from.x + event.clientX - start.x, y: start.from.y + event.clientY - start.y }))
          },
          onPointerUp: () => void (drag.current = null),
          onPointerCancel: () => void (drag.current = null),
          onWheel: (event: { deltaY: number }) => zoomBy(event.deltaY < 0 ? ZOOM_STEP : -ZOOM_STEP),
        },
        props,
      ),
    getCropImageProps: (src, props) => {
      const scale = image ? scaleOf(image, frame, view.zoom) : 1
      const style: CSSProperties = image
        ? {
            inlineSize: `${image.width * scale}px`,
            blockSize: `${image.height * scale}px`,
            transform: `translate(calc(-50% + ${view.x}px), calc(-50% + ${view.y}px))`,
          }
        : {}
      return mergeProps({ ...anatomy.attrs('crop-image'), src, alt: '', draggable: false, style }, props)
    },
    getZoomProps: (id, props) =>
      mergeProps(
        {
          ...anatomy.attrs('zoom'),
          id,
          type: 'range',
          min: MIN_ZOOM,
          max: MAX_ZOOM,
          step: ZOOM_STEP,
          value: view.zoom,
          onChange: (event: { currentTarget: HTMLInputElement }) => {
            const zoom = Number(event.currentTarget.value)
            change((current) => ({ ...current, zoom }))
          },
        },
        props,
      ),
  }
}
