import { UserkitError } from '../model/index.js'
import type { RolePermissions } from './options.js'

/** A role as `GET /roles` lists it: CometChat's `role` and `name`, and whether it manages users. */
export interface RoleInfo {
  role: string
  name: string
  manageUsers: boolean
}

export interface Roles {
  canManage(role: string): boolean
  /** Every known role, `default` included, in the order they were configured. */
  list(): RoleInfo[]
  /** Throws ERR_ROLE_NOT_FOUND for a role the server does not know. */
  assertKnown(role: string): void
}

export function createRoles(config: Record<string, RolePermissions> = {}): Roles {
  const known = new Map<string, RolePermissions>([['default', {}]])
  for (const [name, permissions] of Object.entries(config)) {
    if (permissions.label !== undefined && (typeof permissions.label !== 'string' || permissions.label.trim() === '')) {
      throw new TypeError(`roles.${name}.label must be a non-empty string.`)
    }
    known.set(name, permissions)
  }
  const listed: RoleInfo[] = [...known].map(([role, { label, manageUsers }]) => ({ role, name: label ?? role, manageUsers: manageUsers === true }))
  return {
    canManage: (role) => known.get(role)?.manageUsers === true,
    list: () => listed.map((info) => ({ ...info })),
    assertKnown(role) {
      if (!known.has(role)) throw new UserkitError('ERR_ROLE_NOT_FOUND', `The role ${role} does not exist.`)
    },
  }
}
