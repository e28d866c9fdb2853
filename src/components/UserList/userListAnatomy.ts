import { createAnatomy } from '../kit/createAnatomy.js'

/** UserList's parts: the search and filters, the listbox with its rows, and the states around it. */
export const userListAnatomy = createAnatomy('user-list').parts(
  'root',
  'toolbar',
  'field',
  'label',
  'search',
  'filters',
  'role-filter',
  'status-filter',
  'tags-filter',
  'hint',
  'listbox',
  'rows',
  'row',
  'text',
  'name',
  'secondary',
  'presence',
  'panel',
  'skeleton',
  'empty',
  'error',
  'retry',
  'more',
  'status',
)
