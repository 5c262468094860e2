package io.cordon.notification.repository;

/** What a partner scope value names. */
public enum ScopeKind {
  /** An Entra group by object id (lower case); its display name, if given, kept for display. */
  GROUP,
  /**
   * A group registered by display name before matching went by id only: shown to admins to be
   * replaced by the id, never matched.
   */
  GROUP_NAME,
  /** An account domain, lower case. */
  DOMAIN,
  TAG,
  /**
   * An Entra tenant by directory id (lower case): not a scope that brings the partner in, but a
   * limit to the accounts of its tenants (issue 26).
   */
  TENANT
}
