/** Where the picture sits in the round frame: its centre's offset from the frame's, in frame pixels, and the zoom. */
export interface CropView {
  x: number
  y: number
  /** 1: the picture's shorter side just fills the frame. */
  zoom: number
}

export interface ImageSize {
  width: number
  height: number
}

export const MIN_ZOOM = 1
export const MAX_ZOOM = 4
/** The side of the square sent: the server keeps at most 512 px, so more would only travel. */
export const OUTPUT_SIDE = 512

/** Frame pixels per picture pixel. */
export const scaleOf = (image: ImageSize, frame: number, zoom: number): number => (zoom * frame) / Math.min(image.width, image.height)

/** The view kept inside bounds: the zoom within its range, and the picture always covering the frame. */
export function clampView(view: CropView, image: ImageSize, frame: number): CropView {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.zoom))
  const scale = scaleOf(image, frame, zoom)
  const maxX = Math.max(0, (image.width * scale - frame) / 2)
  const maxY = Math.max(0, (image.height * scale - frame) / 2)
  // `|| 0`: no -0 in a view (a zero-width move either way is no move).
  const clamp = (value: number, max: number): number => Math.min(max, Math.max(-max, value)) || 0
  return { x: clamp(view.x, maxX), y: clamp(view.y, maxY), zoom }
}

/** The square of the picture the frame shows, in picture pixels. */
export function sourceSquare(view: CropView, image: ImageSize, frame: number): { left: number; top: number; side: number } {
  const scale = scaleOf(image, frame, view.zoom)
  const side = frame / scale
  return { left: image.width / 2 - view.x / scale - side / 2, top: image.height / 2 - view.y / scale - side / 2, side }
}

/**
 * The framed square drawn on a canvas of at most 512 px and encoded (WebP where the browser
 * writes it, else PNG): a 12-megapixel photo leaves as a few dozen kilobytes.
 */
export function cropToBlob(image: CanvasImageSource & ImageSize, view: CropView, frame: number): Promise<Blob> {
  const { left, top, side } = sourceSquare(view, image, frame)
  const out = Math.max(1, Math.round(Math.min(OUTPUT_SIDE, side)))
  const canvas = document.createElement('canvas')
  canvas.width = out
  canvas.height = out
  const context = canvas.getContext('2d')
  if (!context) return Promise.reject(new Error('This browser cannot draw the picture.'))
  context.imageSmoothingQuality = 'high'
  context.drawImage(image, left, top, side, side, 0, 0, out, out)
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('This browser cannot encode the picture.'))), 'image/webp', 0.9),
  )
}
