import { UserkitError } from '../model/index.js'
import type { RolePermissions } from './options.js'

export interface Roles {
  canManage(role: string): boolean
  /** Throws ERR_ROLE_NOT_FOUND for a role the server does not know. */
  assertKnown(role: string): void
}

export function createRoles(config: Record<string, RolePermissions> = {}): Roles {
  const known = new Map<string, RolePermissions>([['default', {}]])
  for (const [name, permissions] of Object.entries(config)) known.set(name, permissions)
  return {
    canManage: (role) => known.get(role)?.manageUsers === true,
    assertKnown(role) {
      if (!known.has(role)) throw new UserkitError('ERR_ROLE_NOT_FOUND', `The role ${role} does not exist.`)
    },
  }
}
