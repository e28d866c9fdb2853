// The form engine: one pure machine for ProfileEditor, UserEditor (edit) and CreateUserForm (create).
export { transition, initialFormState } from './formMachine.js'
export { isDirty, clientErrors, rowErrors, blockingFields, hasErrors, errorOf, rowErrorOf } from './formSelectors.js'
export { useFormMachine } from './useFormMachine.js'
export type { UseFormMachineOptions, FormMachine, FormSubmitOptions } from './useFormMachine.js'
export type { FormConfig, FormEvent, FormLabels, FormMode, FormState, FormStatus } from './formTypes.js'
