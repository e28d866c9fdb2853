import { describe, expect, it } from 'vitest'
import { clampView, MAX_ZOOM, sourceSquare } from '../../src/components/AvatarPicker/avatarCrop.js'

// The framing arithmetic alone: a 4000 × 3000 photo in a frame of 240 px.
const photo = { width: 4000, height: 3000 }
const frame = 240

describe('the crop frame', () => {
  it('starts on the centred square of the shorter side', () => {
    expect(sourceSquare({ x: 0, y: 0, zoom: 1 }, photo, frame)).toEqual({ left: 500, top: 0, side: 3000 })
  })

  it('never lets the picture leave a gap in the frame, nor zoom out of its range', () => {
    // At zoom 1 the picture is 320 × 240 frame pixels: it may move 40 px sideways and not at all up or down.
    expect(clampView({ x: 500, y: -90, zoom: 1 }, photo, frame)).toEqual({ x: 40, y: 0, zoom: 1 })
    expect(clampView({ x: 0, y: 0, zoom: 0.2 }, photo, frame).zoom).toBe(1)
    expect(clampView({ x: 0, y: 0, zoom: 99 }, photo, frame).zoom).toBe(MAX_ZOOM)
  })

  it('moves and zooms the square it will send', () => {
    const moved = sourceSquare(clampView({ x: 40, y: 0, zoom: 2 }, photo, frame), photo, frame)
    // Zoom 2: half the side; the picture moved right, so the square shows more of its left.
    expect(moved.side).toBe(1500)
    expect(moved.left).toBeCloseTo(1250 - 40 * (1500 / frame))
    expect(moved.top).toBe(750)
  })
})
