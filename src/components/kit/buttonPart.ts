import type { PartAttributes } from './createAnatomy.js'

/** How a button looks in the default theme (`[data-variant]`): the part names what it is, this how it shows. */
export type ButtonVariant = 'default' | 'primary' | 'danger'

/** A button part's own props: `type="button"`, its variant, its click; merge the app's over them. */
export function buttonPart(
  attrs: PartAttributes,
  onClick: () => void,
  variant: ButtonVariant = 'default',
): PartAttributes & { type: 'button'; 'data-variant': ButtonVariant; onClick: () => void } {
  return { ...attrs, type: 'button', 'data-variant': variant, onClick }
}
