'use client'
import type { HTMLAttributes, InputHTMLAttributes, LabelHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react'
import type { UserFilterLabels } from './userFilterLabels.js'

export interface TagFiltersProps {
  labels: Pick<UserFilterLabels, 'tags' | 'tagsHint' | 'tagsMatch' | 'tagsMatchAny' | 'tagsMatchAll'>
  getFilterLabelProps(name: 'tags' | 'tags-match'): LabelHTMLAttributes<HTMLLabelElement>
  getTagsProps(): InputHTMLAttributes<HTMLInputElement>
  getTagsHintProps(): HTMLAttributes<HTMLElement>
  getTagsMatchProps(): SelectHTMLAttributes<HTMLSelectElement>
}

/** The tags filter every list of users offers (UserList, UsersTable): the tags, and whether any or all must match. */
export function TagFilters({ labels, getFilterLabelProps, getTagsProps, getTagsHintProps, getTagsMatchProps }: TagFiltersProps): ReactNode {
  return (
    <>
      <div data-part="field">
        <label {...getFilterLabelProps('tags')}>{labels.tags}</label>
        <input {...getTagsProps()} />
        <span {...getTagsHintProps()}>{labels.tagsHint}</span>
      </div>
      <div data-part="field">
        <label {...getFilterLabelProps('tags-match')}>{labels.tagsMatch}</label>
        <select {...getTagsMatchProps()}>
          <option value="any">{labels.tagsMatchAny}</option>
          <option value="all">{labels.tagsMatchAll}</option>
        </select>
      </div>
    </>
  )
}
