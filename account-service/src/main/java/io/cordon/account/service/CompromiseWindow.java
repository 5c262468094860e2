package io.cordon.account.service;

import io.cordon.account.config.PersistenceConfig;
import io.cordon.account.repository.ActionLedgerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Where the compromise window of an action's account starts: the clean-up actions remove what was
 * added since and list what is older.
 */
@ApplicationScoped
public class CompromiseWindow {
  @Inject PersistenceConfig config;

  /**
   * The window's start for one ledger row: for now the time the action was requested less {@code
   * cordon.persistence.window-look-back}; the one place to point at the account's own window once
   * the ledger row carries it.
   */
  public Instant startFor(ActionLedgerEntity row) {
    Instant requested = row.requestedAt == null ? Instant.now() : row.requestedAt;
    return requested.minus(config.windowLookBack());
  }
}
