package io.cordon.commons.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Sends one batch of unpublished rows. Rows are locked with SKIP LOCKED so several instances relay
 * side by side; a row is marked published only once the broker acknowledged it, so a crash between
 * send and mark means a resend (consumers are idempotent), never a loss.
 */
@ApplicationScoped
public class OutboxBatchRelay {
  private static final Logger LOG = Logger.getLogger(OutboxBatchRelay.class);

  @Inject EntityManager entityManager;
  @Inject KafkaOutboxSender sender;
  @Inject OutboxConfig config;

  /** Returns how many rows were published; fewer than the batch size means nothing is left. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int relayNextBatch() {
    List<OutboxMessage> rows = lockUnpublished(config.batchSize());
    List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
    for (OutboxMessage row : rows) {
      acks.add(sender.send(row));
    }
    awaitAll(acks);
    int published = 0;
    Instant now = Instant.now();
    for (int i = 0; i < rows.size(); i++) {
      OutboxMessage row = rows.get(i);
      CompletableFuture<Void> ack = acks.get(i);
      if (ack.isDone() && !ack.isCompletedExceptionally()) {
        row.publishedAt = now;
        published++;
      } else {
        row.attempts++;
        row.lastError = failureText(ack);
      }
    }
    if (published < rows.size()) {
      LOG.warnf(
          "Outbox relay: %d of %d events not acknowledged, retrying later",
          rows.size() - published, rows.size());
      return 0;
    }
    return published;
  }

  @SuppressWarnings("unchecked")
  private List<OutboxMessage> lockUnpublished(int limit) {
    return entityManager
        .createNativeQuery(
            "select * from outbox_message where published_at is null order by seq"
                + " limit :limit for update skip locked",
            OutboxMessage.class)
        .setParameter("limit", limit)
        .getResultList();
  }

  private void awaitAll(List<CompletableFuture<Void>> acks) {
    try {
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
          .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // the per-row futures tell which ones made it
    }
  }

  private static String failureText(CompletableFuture<Void> ack) {
    if (!ack.isDone()) {
      return "no acknowledgement within the send timeout";
    }
    try {
      ack.join();
      return null;
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
      return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
  }
}
