'use client'
import type { ReactNode } from 'react'
import { isHttpUrl, PRIVATE_METADATA_KEY, type User } from '../../model/index.js'
import { Avatar } from '../Avatar/Avatar.js'
import type { EditorLabels } from './editorLabels.js'

export interface ReadOnlyFieldsProps {
  user: User
  labels: EditorLabels
  /** The role as people read it (its label on the server). */
  roleName: (role: string) => string
  /** Show the private part of metadata (a manager, or the user themselves). */
  privateMetadata: boolean
}

const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value))

function Row({ label, field, children }: { label: string; field: string; children: ReactNode }): ReactNode {
  return (
    <div data-part="read-only-field" data-field={field}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function Entries({ entries, empty }: { entries: [string, unknown][]; empty: ReactNode }): ReactNode {
  if (entries.length === 0) return empty
  return (
    <dl data-part="read-only-metadata">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>
            <bdi>{key}</bdi>
          </dt>
          <dd>
            <bdi>{shown(value)}</bdi>
          </dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * A user the viewer may not change (read-only, or deactivated): every field as plain text, so
 * nothing looks like an input that would not take typing.
 */
export function ReadOnlyFields({ user, labels, roleName, privateMetadata }: ReadOnlyFieldsProps): ReactNode {
  const empty = <span data-part="empty-value">{labels.emptyValue}</span>
  const metadata = user.metadata ?? {}
  const shared = Object.entries(metadata).filter(([key]) => key !== PRIVATE_METADATA_KEY)
  const own = metadata[PRIVATE_METADATA_KEY]
  const ownEntries = privateMetadata && own && typeof own === 'object' && !Array.isArray(own) ? Object.entries(own) : []
  const text = (value: string | undefined): ReactNode => (value ? <bdi>{value}</bdi> : empty)
  return (
    <dl data-part="read-only">
      <Row label={labels.fieldLabel.name} field="name">
        <bdi>{user.name}</bdi>
      </Row>
      <Row label={labels.fieldLabel.avatar} field="avatar">
        {user.avatar ? (
          <span data-part="read-only-avatar">
            <Avatar user={user} size="md" labels={{ avatarOf: labels.avatarPreview }} />
            <bdi>{user.avatar}</bdi>
          </span>
        ) : (
          empty
        )}
      </Row>
      <Row label={labels.fieldLabel.link} field="link">
        {/* Only http(s) becomes a link: a URL from user data is never a script. */}
        {user.link && isHttpUrl(user.link) ? (
          <a href={user.link} rel="noopener noreferrer nofollow ugc" target="_blank">
            <bdi>{user.link}</bdi>
          </a>
        ) : (
          text(user.link)
        )}
      </Row>
      <Row label={labels.fieldLabel.statusMessage} field="statusMessage">
        {text(user.statusMessage)}
      </Row>
      <Row label={labels.fieldLabel.tags} field="tags">
        {user.tags && user.tags.length > 0 ? (
          <ul data-part="tag-list">
            {user.tags.map((tag) => (
              <li key={tag} data-part="chip">
                <bdi data-part="tag">{tag}</bdi>
              </li>
            ))}
          </ul>
        ) : (
          empty
        )}
      </Row>
      <Row label={labels.sharedMetadata} field="metadata">
        <Entries entries={shared} empty={empty} />
      </Row>
      {privateMetadata ? (
        <Row label={labels.privateMetadata} field="private-metadata">
          <Entries entries={ownEntries} empty={empty} />
        </Row>
      ) : null}
      <Row label={labels.fieldLabel.role} field="role">
        {roleName(user.role)}
      </Row>
    </dl>
  )
}
