/**
 * What happened to a user, as the event stream (`GET /v3.0/events`, `GET /v3/events`) names it;
 * `user.blocked` and `user.unblocked` reach the blocker alone.
 */
export type UserEventType =
  | 'user.created'
  | 'user.updated'
  | 'user.deactivated'
  | 'user.reactivated'
  | 'user.online'
  | 'user.offline'
  | 'user.blocked'
  | 'user.unblocked'
