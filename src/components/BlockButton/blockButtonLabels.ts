/** What BlockButton shows and says. `name` is the user's name when known, else their uid. */
export interface BlockButtonLabels {
  /** The button's text while the user is not blocked: what it will do. */
  block: string
  /** The button's accessible name then: its text and whom it blocks. */
  blockUser: (name: string) => string
  /** The button's text while the user is blocked. */
  unblock: string
  /** Its accessible name then. */
  unblockUser: (name: string) => string
  /** Beside the button while the user is blocked: what is. */
  blocked: string
  /** With `confirm`: the question asked before blocking. */
  confirmQuestion: (name: string) => string
  confirmBlock: string
  cancel: string
  /** Shown (role="alert") after a refused block has been rolled back. */
  blockFailed: (name: string) => string
  unblockFailed: (name: string) => string
}

export const blockButtonLabels: BlockButtonLabels = {
  block: 'Block',
  blockUser: (name) => `Block ${name}`,
  unblock: 'Unblock',
  unblockUser: (name) => `Unblock ${name}`,
  blocked: 'Blocked',
  confirmQuestion: (name) => `Block ${name}?`,
  confirmBlock: 'Yes, block',
  cancel: 'Cancel',
  blockFailed: (name) => `Could not block ${name}. Please try again.`,
  unblockFailed: (name) => `Could not unblock ${name}. Please try again.`,
}

declare module '../../react/context.js' {
  interface UserkitLabels {
    blockButton: BlockButtonLabels
  }
}
