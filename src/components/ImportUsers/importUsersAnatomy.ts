import { createAnatomy } from '../kit/createAnatomy.js'

/** ImportUsers' parts: the file field, the check and import buttons, the progress and the report. */
export const importUsersAnatomy = createAnatomy('import-users').parts('root', 'title', 'label', 'file', 'hint', 'actions', 'check', 'import', 'progress', 'report', 'errors', 'alert')
