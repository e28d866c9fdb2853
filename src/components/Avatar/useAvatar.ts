'use client'
import { useState, type CSSProperties, type HTMLAttributes, type ImgHTMLAttributes } from 'react'
import { isHttpUrl, type User } from '../../model/index.js'
import { useLabels, useLocale } from '../shared/useLabels.js'
import { avatarLabels, type AvatarLabels } from './avatarLabels.js'
import { avatarHue, initials } from './initials.js'

export type AvatarSize = 'sm' | 'md' | 'lg' | 'xl'

export interface UseAvatarOptions {
  /** Whom to show: uid and name at least; avatar, status when known. */
  user: Pick<User, 'uid' | 'name'> & Partial<Pick<User, 'avatar' | 'status'>>
  /** @default 'md' */
  size?: AvatarSize
  /** Shows a dot for `user.status` (online or not). @default false */
  showPresence?: boolean
  /**
   * Hides the avatar from screen readers, for when the name is said beside it (a card, a row).
   * @default false
   */
  decorative?: boolean
  labels?: Partial<AvatarLabels>
}

/** `image` once the picture has loaded; `loading` until then; `fallback` when there is none to show. */
export type AvatarState = 'loading' | 'image' | 'fallback'

export interface UseAvatarResult {
  state: AvatarState
  initials: string
  online: boolean
  getRootProps(props?: HTMLAttributes<HTMLSpanElement>): HTMLAttributes<HTMLSpanElement> & Record<`data-${string}`, string>
  /** `undefined` when there is no picture to try: no URL, not http(s), or it failed to load. */
  getImageProps(
    props?: ImgHTMLAttributes<HTMLImageElement>,
  ): (ImgHTMLAttributes<HTMLImageElement> & { ref: (node: HTMLImageElement | null) => void } & Record<`data-${string}`, string>) | undefined
  getFallbackProps(props?: HTMLAttributes<HTMLSpanElement>): HTMLAttributes<HTMLSpanElement> & Record<`data-${string}`, string>
  /** `undefined` unless `showPresence`. */
  getPresenceProps(props?: HTMLAttributes<HTMLSpanElement>): (HTMLAttributes<HTMLSpanElement> & Record<`data-${string}`, string>) | undefined
}

/**
 * An avatar's state and parts: the picture when its URL is http(s) and it loads, else the initials
 * on a colour of the uid's. Markup is the caller's (see `Avatar`).
 */
export function useAvatar({ user, size = 'md', showPresence = false, decorative = false, labels: own }: UseAvatarOptions): UseAvatarResult {
  const labels = useLabels('avatar', avatarLabels, own)
  const locale = useLocale()
  const url = user.avatar && isHttpUrl(user.avatar) ? user.avatar : undefined
  // Keyed by URL: a new URL is tried afresh, a failed one stays failed.
  const [loaded, setLoaded] = useState<{ url: string; ok: boolean } | null>(null)
  const outcome = loaded?.url === url ? loaded : null
  const state: AvatarState = !url || outcome?.ok === false ? 'fallback' : outcome?.ok ? 'image' : 'loading'
  const online = user.status === 'online'
  const label = showPresence ? labels.avatarWithPresence(user.name, online) : labels.avatarOf(user.name)
  const letters = initials(user.name, locale)

  return {
    state,
    initials: letters,
    online,
    getRootProps: (props = {}) => ({
      ...props,
      'data-uk': 'avatar',
      'data-part': 'root',
      'data-state': state,
      'data-size': size,
      ...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': label }),
      style: { '--uk-avatar-hue': avatarHue(user.uid), ...props.style } as CSSProperties,
    }),
    getImageProps: (props = {}) =>
      url && state !== 'fallback'
        ? {
            ...props,
            'data-part': 'image',
            'data-state': state,
            src: url,
            alt: '',
            referrerPolicy: 'no-referrer',
            decoding: 'async',
            // A picture that loaded before React attached onLoad (cached, or before hydration).
            ref: (node: HTMLImageElement | null) => {
              if (node?.complete && outcome === null) setLoaded({ url, ok: node.naturalWidth > 0 })
            },
            onLoad: (event) => {
              props.onLoad?.(event)
              setLoaded({ url, ok: true })
            },
            onError: (event) => {
              props.onError?.(event)
              setLoaded({ url, ok: false })
            },
          }
        : undefined,
    getFallbackProps: (props = {}) => ({ ...props, 'data-part': 'fallback', 'aria-hidden': true, children: letters }),
    getPresenceProps: (props = {}) =>
      showPresence ? { ...props, 'data-part': 'presence', 'data-state': online ? 'online' : 'offline', 'aria-hidden': true } : undefined,
  }
}
