package io.cordon.commons.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one way a service writes its audit log. Entries are collected in the caller's transaction and
 * appended to the hash chain just before it commits, in one batch: the chain-head lock is then held
 * only for the last moments of the transaction (no deadlock with the caller's own row locks, little
 * waiting for other writers), and a rollback drops the entries with the state change.
 */
@ApplicationScoped
public class Audit {
  private static final Object PENDING_KEY = new Object();

  @Inject TransactionSynchronizationRegistry transactions;
  @Inject AuditChain chain;
  @Inject AuditActors actors;

  /** Records a change made by whoever is acting now (the caller, else this service). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(AuditEntry entry) {
    record(entry, actors.current());
  }

  /** Records a change this service made on its own even while serving a request. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAsService(AuditEntry entry) {
    record(entry, actors.service());
  }

  private void record(AuditEntry entry, AuditActor actor) {
    Pending pending = pending();
    if (pending.appended) {
      // another synchronization changed state after the chain was written: never lose the entry
      throw new IllegalStateException("audit entry recorded after the transaction's append");
    }
    String correlation = entry.correlationId();
    if (correlation == null) {
      correlation = AuditCause.current();
    }
    if (correlation == null) {
      correlation = actors.requestCorrelationId();
    }
    if (correlation == null) {
      correlation = pending.transactionCorrelation;
    }
    pending.entries.add(
        new AuditChain.Draft(
            UUID.randomUUID(),
            Instant.now().truncatedTo(ChronoUnit.MICROS),
            actor,
            entry,
            AuditStates.write(entry.before()),
            AuditStates.write(entry.after()),
            correlation));
  }

  private Pending pending() {
    Pending pending = (Pending) transactions.getResource(PENDING_KEY);
    if (pending == null) {
      pending = new Pending();
      transactions.putResource(PENDING_KEY, pending);
      transactions.registerInterposedSynchronization(pending);
    }
    return pending;
  }

  /** The entries of one transaction, appended when it is about to commit. */
  private final class Pending implements Synchronization {
    final List<AuditChain.Draft> entries = new ArrayList<>();
    // work with no request and no event behind it (a timer, a worker) shares one id per transaction
    final String transactionCorrelation = UUID.randomUUID().toString();
    boolean appended;

    @Override
    public void beforeCompletion() {
      if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE && !entries.isEmpty()) {
        chain.append(entries);
      }
      appended = true;
    }

    @Override
    public void afterCompletion(int status) {
      entries.clear();
    }
  }
}
