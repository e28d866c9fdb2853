'use client'
import { useState, type CSSProperties, type HTMLAttributes, type ImgHTMLAttributes } from 'react'
import { isHttpUrl, type User } from '../../model/index.js'
import { mergeProps } from '../kit/mergeProps.js'
import type { PartProps } from '../kit/types.js'
import { useLabels, useLocale } from '../shared/useLabels.js'
import { avatarAnatomy } from './avatarAnatomy.js'
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
export type AvatarStatus = 'loading' | 'image' | 'fallback'

export interface AvatarState {
  status: AvatarStatus
  /** The letters the fallback shows: render them inside it. */
  initials: string
  online: boolean
}

export interface UseAvatarResult {
  state: AvatarState
  getRootProps(props?: HTMLAttributes<HTMLSpanElement>): PartProps<HTMLAttributes<HTMLSpanElement>>
  /** `undefined` when there is no picture to try: no URL, not http(s), or it failed to load. */
  getImageProps(
    props?: ImgHTMLAttributes<HTMLImageElement>,
  ): PartProps<ImgHTMLAttributes<HTMLImageElement> & { ref: (node: HTMLImageElement | null) => void }> | undefined
  getFallbackProps(props?: HTMLAttributes<HTMLSpanElement>): PartProps<HTMLAttributes<HTMLSpanElement>>
  /** `undefined` unless `showPresence`. */
  getPresenceProps(props?: HTMLAttributes<HTMLSpanElement>): PartProps<HTMLAttributes<HTMLSpanElement>> | undefined
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
  const status: AvatarStatus = !url || outcome?.ok === false ? 'fallback' : outcome?.ok ? 'image' : 'loading'
  const online = user.status === 'online'
  const label = showPresence ? labels.avatarWithPresence(user.name, online) : labels.avatarOf(user.name)
  const letters = initials(user.name, locale)

  return {
    state: { status, initials: letters, online },
    getRootProps: (props) =>
      mergeProps(
        {
          ...avatarAnatomy.attrs('root'),
          'data-state': status,
          'data-size': size,
          ...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': label }),
          style: { '--uk-avatar-hue': avatarHue(user.uid) } as CSSProperties,
        },
        props,
      ),
    getImageProps: (props) =>
      url && status !== 'fallback'
        ? mergeProps(
            {
              ...avatarAnatomy.attrs('image'),
              'data-state': status,
              src: url,
              alt: '',
              referrerPolicy: 'no-referrer' as const,
              decoding: 'async' as const,
              // A picture that loaded before React attached onLoad (cached, or before hydration).
              ref: (node: HTMLImageElement | null) => {
                if (node?.complete && outcome === null) setLoaded({ url, ok: node.naturalWidth > 0 })
              },
              onLoad: () => setLoaded({ url, ok: true }),
              onError: () => setLoaded({ url, ok: false }),
            },
            props,
          )
        : undefined,
    getFallbackProps: (props) => mergeProps({ ...avatarAnatomy.attrs('fallback'), 'aria-hidden': true }, props),
    getPresenceProps: (props) =>
      showPresence
        ? mergeProps({ ...avatarAnatomy.attrs('presence'), 'data-state': online ? 'online' : 'offline', 'aria-hidden': true }, props)
        : undefined,
  }
}
