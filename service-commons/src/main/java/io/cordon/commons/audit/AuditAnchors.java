package io.cordon.commons.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agroal.api.AgroalDataSource;
import io.cordon.commons.outbox.KafkaOutboxSender;
import io.cordon.commons.outbox.OutboxMessage;
import io.cordon.contracts.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes this service's signed chain head to {@link Topics#AUDIT_ANCHORS} at an interval and
 * when asked (every incident close), and knows the latest genuine anchor for {@code /audit/verify}:
 * the last one it published, or, after a restart, the last one the compacted topic kept under its
 * name. An anchor whose signature does not hold is ignored (logged).
 */
@ApplicationScoped
public class AuditAnchors {
  private static final Logger LOG = Logger.getLogger(AuditAnchors.class);
  static final String EVENT_TYPE = "cordon.audit.anchor";
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Inject AgroalDataSource dataSource;
  @Inject AuditAnchorKey key;
  @Inject AuditAnchorConfig config;
  @Inject KafkaOutboxSender sender;
  @Inject AnchorTopicReader reader;
  @Inject TransactionSynchronizationRegistry transactions;

  @ConfigProperty(name = "quarkus.application.name", defaultValue = "cordon")
  String serviceName;

  private final ExecutorService publisher =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "audit-anchor-publisher");
            thread.setDaemon(true);
            return thread;
          });
  private volatile AuditAnchor latest;
  private volatile boolean readBack;
  private volatile Instant nextReadBack = Instant.MIN;

  // a missing or weak key stops the start, before any traffic
  void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
    key.check();
  }

  void onStop(@Observes ShutdownEvent event) {
    publisher.shutdown();
  }

  @Scheduled(
      every = "${cordon.audit.anchor.interval:5m}",
      delayed = "${cordon.audit.anchor.interval:5m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    AuditAnchor last = latest();
    try {
      AuditAnchor head = readHead();
      if (last == null || last.seq() != head.seq() || !last.hash().equals(head.hash())) {
        publish(head).get(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (Exception e) {
      LOG.warnf("Audit anchor not published this time: %s", e.toString());
    }
  }

  /**
   * Publishes the head once the current transaction has committed (an incident close): the anchor
   * then covers the entries this transaction appended.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void publishAfterCommit() {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              publisher.execute(AuditAnchors.this::publishHeadQuietly);
            }
          }
        });
  }

  /** Reads, signs and publishes the head now; completes when the broker has it. */
  public CompletableFuture<AuditAnchor> publishHead() {
    try {
      return publish(readHead());
    } catch (SQLException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The latest genuine anchor of this service's chain, if any was ever published. */
  public Optional<AuditAnchor> latestAnchor() {
    return Optional.ofNullable(latest());
  }

  private AuditAnchor latest() {
    if (latest == null && !readBack && Instant.now().isAfter(nextReadBack)) {
      readBackFromTopic();
    }
    return latest;
  }

  private synchronized void readBackFromTopic() {
    if (readBack) {
      return;
    }
    try {
      reader.latest(serviceName, this::genuine, config.readTimeout()).ifPresent(this::remember);
      readBack = true;
    } catch (RuntimeException e) {
      // tried again a minute later, not on every verify; until then the head is all there is
      nextReadBack = Instant.now().plusSeconds(60);
      LOG.warnf("Audit anchors could not be read back from %s: %s", Topics.AUDIT_ANCHORS, e);
    }
  }

  private boolean genuine(AuditAnchor anchor) {
    if (key.isGenuine(anchor)) {
      return true;
    }
    LOG.warnf(
        "Audit anchor of %s for entry %d on %s is not signed with this service's key: ignored",
        anchor.service(), anchor.seq(), Topics.AUDIT_ANCHORS);
    return false;
  }

  private void publishHeadQuietly() {
    try {
      publishHead().get(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warnf("Audit anchor after an incident close not published: %s", e.toString());
    }
  }

  private CompletableFuture<AuditAnchor> publish(AuditAnchor anchor) {
    return publish(Topics.AUDIT_ANCHORS, anchor).thenApply(sent -> remember(anchor));
  }

  // not through the outbox table: a row there is something the database's keys could withhold
  private CompletableFuture<Void> publish(String topic, AuditAnchor anchor) {
    OutboxMessage message = new OutboxMessage();
    message.eventId = UUID.randomUUID().toString();
    message.eventType = EVENT_TYPE;
    message.topic = topic;
    message.messageKey = anchor.service();
    message.payload = write(anchor);
    message.createdAt = anchor.at();
    return sender.send(message);
  }

  private synchronized AuditAnchor remember(AuditAnchor anchor) {
    if (latest == null || anchor.seq() >= latest.seq()) {
      latest = anchor;
    }
    return anchor;
  }

  private AuditAnchor readHead() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery("select seq, hash from audit_chain_head where id = 1")) {
      row.next();
      long seq = row.getLong(1);
      String hash = row.getString(2);
      Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
      AuditAnchor unsigned = new AuditAnchor(serviceName, seq, hash, at, null);
      return new AuditAnchor(serviceName, seq, hash, at, key.sign(unsigned.signedText()));
    }
  }

  static String write(AuditAnchor anchor) {
    try {
      return JSON.writeValueAsString(anchor);
    } catch (Exception e) {
      throw new IllegalStateException("an anchor is always serialisable", e);
    }
  }

  static AuditAnchor read(String json) {
    try {
      return JSON.readValue(json, AuditAnchor.class);
    } catch (Exception e) {
      return null;
    }
  }
}
