package io.cordon.account.repository;

/** Where an accepted entry stands against the directory. */
public enum Resolution {
  PENDING,
  RESOLVED,
  USER_NOT_FOUND,
  FAILED
}
