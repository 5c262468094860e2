package io.cordon.account.repository;

/** Ledger row states; IN_FLIGHT rows are being sent and carry the time they were claimed. */
public enum LedgerState {
  PENDING,
  IN_FLIGHT,
  DONE
}
