package io.cordon.notification.repository;

/** What a partner scope value names. */
public enum ScopeKind {
  /** An Entra group, by object id or display name. */
  GROUP,
  /** An account domain, lower case. */
  DOMAIN,
  TAG
}
