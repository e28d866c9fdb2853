import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor } from 'storybook/test'
import { AvatarPicker } from '../src/components/AvatarPicker/index.js'
import type { StoryBackend } from './support/storyBackend.js'

const meta = {
  title: 'Components/AvatarPicker',
  component: AvatarPicker,
  args: { onChange: fn() },
  parameters: { userkit: { loginAs: 'ada' } },
} satisfies Meta<typeof AvatarPicker>

export default meta
type Story = StoryObj<typeof meta>

const backendOf = (loaded: Record<string, unknown>): StoryBackend => loaded.backend as StoryBackend

/** A 640 × 400 photo-like picture, drawn here: a gradient with a disc off centre. */
async function photo(): Promise<File> {
  const canvas = document.createElement('canvas')
  canvas.width = 640
  canvas.height = 400
  const context = canvas.getContext('2d')!
  const gradient = context.createLinearGradient(0, 0, 640, 400)
  gradient.addColorStop(0, '#1d4ed8')
  gradient.addColorStop(1, '#f59e0b')
  context.fillStyle = gradient
  context.fillRect(0, 0, 640, 400)
  context.fillStyle = '#fff'
  context.beginPath()
  context.arc(420, 180, 90, 0, Math.PI * 2)
  context.fill()
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made!), 'image/png'))
  return new File([blob], 'holiday.png', { type: 'image/png' })
}

const fileInput = (root: HTMLElement): HTMLInputElement => root.querySelector<HTMLInputElement>('input[type="file"]')!

export const FrameWithTheKeyboard: Story = {
  name: 'Choose, then frame with the keyboard (kept for a new user)',
  args: { deferred: true },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await expect(canvas.getByRole('button', { name: 'Choose a picture' })).toBeVisible()
    await userEvent.upload(fileInput(canvasElement), await photo())
    const frame = await canvas.findByRole('group', { name: 'Picture framing' })
    await waitFor(() => expect(frame).toHaveFocus())
    await expect(frame).toHaveAccessibleDescription('Drag or use the arrow keys to move the picture; + and − zoom.')
    const image = frame.querySelector('img')!
    const before = image.style.transform
    await userEvent.keyboard('{ArrowRight}{ArrowRight}+')
    await expect(canvas.getByRole('slider', { name: 'Zoom' })).toHaveValue('1.1')
    await expect(image.style.transform).not.toBe(before)
    await userEvent.keyboard('{Enter}')
    await expect(await canvas.findByText('This picture is saved with the user.')).toBeVisible()
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Choose a picture' })).toHaveFocus())
    await expect(canvas.getByRole('button', { name: 'Remove picture' })).toBeVisible()
  },
}

export const Cancel: Story = {
  name: 'Cancel: the picture stays, focus comes back',
  play: async ({ canvas, canvasElement, userEvent, loaded }) => {
    await userEvent.upload(fileInput(canvasElement), await photo())
    await canvas.findByRole('group', { name: 'Picture framing' })
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Choose a picture' })).toHaveFocus())
    await expect(backendOf(loaded).sent.filter((line) => line.includes('/avatar'))).toEqual([])
  },
}

export const Paste: Story = {
  name: 'Paste a picture from the clipboard',
  play: async ({ canvas, userEvent }) => {
    const choose = canvas.getByRole('button', { name: 'Choose a picture' })
    await userEvent.click(choose)
    const clipboard = new DataTransfer()
    clipboard.items.add(await photo())
    choose.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }))
    await waitFor(() => expect(canvas.getByRole('group', { name: 'Picture framing' })).toHaveFocus())
    await userEvent.keyboard('-{Escape}')
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Choose a picture' })).toHaveFocus())
  },
}

export const LastChoiceWins: Story = {
  name: 'A broken file, then a picture: the picture is framed',
  play: async ({ canvas }) => {
    const choose = canvas.getByRole('button', { name: 'Choose a picture' })
    const broken = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], 'broken.png', { type: 'image/png' })
    // Two pastes in one go: the broken file fails to load after the picture was chosen.
    for (const file of [broken, await photo()]) {
      const clipboard = new DataTransfer()
      clipboard.items.add(file)
      choose.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }))
    }
    const frame = await canvas.findByRole('group', { name: 'Picture framing' })
    await waitFor(() => expect(frame.querySelector('img')?.naturalWidth).toBe(640))
    await expect(canvas.queryByRole('alert')).toBeNull()
    await expect(canvas.getByRole('button', { name: 'Use this picture' })).toBeEnabled()
  },
}

export const NotAPicture: Story = {
  name: 'Not a picture: said in words',
  play: async ({ canvas, canvasElement }) => {
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'logo.svg', { type: 'image/svg+xml' })
    // The file input offers pictures only; a drop (or a paste) can bring anything.
    const dropped = new DataTransfer()
    dropped.items.add(svg)
    canvasElement.querySelector('[data-uk="avatar-picker"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This file is not a picture we can use — choose a PNG, JPEG, WebP or GIF.')
  },
}

export const Upload: Story = {
  name: 'Upload: the framed picture becomes the avatar',
  play: async ({ canvas, canvasElement, userEvent, loaded, args }) => {
    await userEvent.upload(fileInput(canvasElement), await photo())
    await canvas.findByRole('group', { name: 'Picture framing' })
    await userEvent.keyboard('++')
    await userEvent.click(canvas.getByRole('button', { name: 'Use this picture' }))
    await expect(await canvas.findByText('Picture saved.')).toBeVisible()
    // The server stored a square WebP of its own and named it by its hash.
    const avatar = (await backendOf(loaded).admin.getUser('ada')).avatar ?? ''
    await expect(avatar).toMatch(/\/v3\.0\/avatars\/[0-9a-f]{64}\.webp$/)
    await waitFor(() => expect(args.onChange).toHaveBeenCalledWith(expect.objectContaining({ uid: 'ada', avatar })))
    await expect(backendOf(loaded).sent).toContain('PUT /v3.0/me/avatar')
  },
}

export const UploadFails: Story = {
  name: 'Upload fails: said in words, nothing changes',
  play: async ({ canvas, canvasElement, userEvent, loaded, args }) => {
    const before = (await backendOf(loaded).admin.getUser('ada')).avatar
    await userEvent.upload(fileInput(canvasElement), await photo())
    await canvas.findByRole('group', { name: 'Picture framing' })
    backendOf(loaded).setNetwork('down')
    await userEvent.click(canvas.getByRole('button', { name: 'Use this picture' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The picture could not be saved. Try again.')
    await expect(args.onChange).not.toHaveBeenCalled()
    await expect((await backendOf(loaded).admin.getUser('ada')).avatar).toBe(before)
  },
}

export const Remove: Story = {
  name: 'Remove the picture',
  args: { avatar: 'https://example.com/ada.png' },
  beforeEach: async ({ loaded }) => {
    await backendOf(loaded).admin.updateUser('ada', { avatar: 'https://example.com/ada.png' })
  },
  play: async ({ canvas, userEvent, loaded, args }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Remove picture' }))
    await expect(await canvas.findByText('Picture removed.')).toBeVisible()
    await waitFor(async () => expect((await backendOf(loaded).admin.getUser('ada')).avatar).toBe(undefined))
    await waitFor(() => expect(args.onChange).toHaveBeenCalled())
  },
}
