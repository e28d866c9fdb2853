// Building blocks for forked components.
//
// `npx userkit add <Component>` copies a component's folder into an app and points its imports at
// `userkit` and `userkit/client`; everything a folder takes from outside itself is exported here, so
// the copy compiles on its own while the behaviour stays in the package. These are public API with
// the same stability as the components (docs/forking.md). Plain re-exports: an app's bundler keeps
// only what the fork imports.

export { cx } from './shared/cx.js'
// The getter kit: anatomy, mergeProps (the caller wins), parts without text, focus by id.
export * from './kit/index.js'
export { useControllableState } from './shared/useControllableState.js'
export type { ControllableStateOptions } from './shared/useControllableState.js'
export { useLabels, useLocale } from './shared/useLabels.js'
export { useDebouncedValue } from './shared/useDebouncedValue.js'
export { useNow } from './shared/useNow.js'

// The editor core shared by ProfileEditor, UserEditor and CreateUserForm.
export { useEditorCore } from './editor/useEditorCore.js'
export type { EditorCore, EditorCoreOptions, EditorStatus } from './editor/useEditorCore.js'
export * from './form/index.js'
export { useEditorParts } from './editor/useEditorParts.js'
export type { EditorParts } from './editor/useEditorParts.js'
export { editorView } from './editor/editorView.js'
export type { EditorActions as EditorViewActions, EditorState, EditorView } from './editor/editorView.js'
export { editorAnatomy } from './editor/editorAnatomy.js'
export type { EditorActionsProps } from './editor/EditorActions.js'
export { useTagInput } from './editor/useTagInput.js'
export type { UseTagInputOptions, UseTagInputResult } from './editor/useTagInput.js'
export { editorLabels } from './editor/editorLabels.js'
export type { EditorLabels } from './editor/editorLabels.js'
export { newMetadataRow, metadataRowErrors, metadataFromRows } from './editor/draft.js'
export type { EditorDraft, EditorField, MetadataRow, MetadataRowErrorLabels, TextField } from './editor/draft.js'
export type { Conflict, ConflictChoice } from './editor/conflict.js'
export { metadataParts } from './editor/metadataParts.js'
export type { MetadataParts, MetadataSource, MetadataLabels } from './editor/metadataParts.js'
export { EditorFields } from './editor/EditorFields.js'
export type { EditorFieldsProps } from './editor/EditorFields.js'
export { EditorActions } from './editor/EditorActions.js'
export { EditorLoadState } from './editor/EditorLoadState.js'
export type { EditorLoadStateProps } from './editor/EditorLoadState.js'
export { ConflictPanel } from './editor/ConflictPanel.js'
export { MetadataEditor } from './editor/MetadataEditor.js'
export type { MetadataEditorProps, MetadataEditorLabels } from './editor/MetadataEditor.js'
export { TagInput } from './editor/TagInput.js'
export type { TagInputProps } from './editor/TagInput.js'

// A created user as the cache keeps it: without the one-time auth token.
export { withoutToken } from '../react/userCache.js'
