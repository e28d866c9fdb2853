'use client'
import { useState } from 'react'
import { parseTags, sameTags, type UserListFilters } from './userFilters.js'

/**
 * The tags field's text: what the person typed while it says the same tags as the filters (so
 * "research, " keeps its comma), else the filters' tags (a chip removed, the URL changed).
 */
export function useTagsText(filters: UserListFilters, setFilters: (filters: UserListFilters) => void): { tagsText: string; setTagsText(text: string): void } {
  const [typed, setTyped] = useState(() => (filters.tags ?? []).join(', '))
  return {
    tagsText: sameTags(parseTags(typed), filters.tags) ? typed : (filters.tags ?? []).join(', '),
    setTagsText: (text) => {
      setTyped(text)
      const tags = parseTags(text)
      if (!sameTags(tags, filters.tags)) setFilters({ ...filters, tags: tags.length > 0 ? tags : undefined })
    },
  }
}
