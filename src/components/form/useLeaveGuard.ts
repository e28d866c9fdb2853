'use client'
import { useState } from 'react'
import { createLeaveGuard, type LeaveGuard } from './leaveGuard.js'

/**
 * A leave guard that lives as long as the component: pass it to an editor, await its
 * `confirmLeave()` before taking the editor away.
 *
 * @example
 * const guard = useLeaveGuard()
 * const select = async (uid) => { if (await guard.confirmLeave()) setSelected(uid) }
 * <UserEditor uid={selected} leaveGuard={guard} />
 */
export function useLeaveGuard(): LeaveGuard {
  return useState(createLeaveGuard)[0]
}
