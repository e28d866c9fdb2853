/** `data-*` attributes a getter sets: the part, its state, its variant. */
export type DataAttributes = Record<`data-${string}`, string | undefined>

/** A getter's result: the element's attributes and ours. */
export type PartProps<T> = T & DataAttributes
