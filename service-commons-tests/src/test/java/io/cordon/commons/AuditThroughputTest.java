package io.cordon.commons;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.commons.audit.AuditLog;
import io.cordon.commons.audit.AuditVerification;
import io.cordon.commons.testapp.AuditedWidgets;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Many writers append at once, as a 2,000-account run does (one entry per Graph action outcome):
 * the chain must not fork or lose entries. The time taken is logged for docs/security.md; nothing
 * here asserts on time.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class AuditThroughputTest {
  private static final Logger LOG = Logger.getLogger(AuditThroughputTest.class);
  private static final int ACCOUNTS = 2000;
  private static final int WRITERS = 8;

  @Inject AuditedWidgets widgets;
  @Inject AuditLog log;

  @Test
  void concurrentWritersKeepOneUnbrokenChain() throws Exception {
    long before = OutboxTest.count("select count(*) from audit_entry");

    // warm-up, so the first measurement does not pay for class loading and connections
    run("warm-up", 200, 20, true);
    long unaudited = run("unaudited", ACCOUNTS, 1, false);
    long singles = run("singles", ACCOUNTS, 1, true);
    long batches = run("batches", ACCOUNTS, 20, true);
    LOG.infof(
        "audit throughput, %d accounts by %d writers: without audit %d ms; one entry per"
            + " transaction %d ms; 20 entries per transaction %d ms",
        ACCOUNTS, WRITERS, unaudited, singles, batches);

    AuditVerification verification = log.verify();
    assertThat(verification.ok()).as("%s", verification).isTrue();
    assertThat(verification.count()).isEqualTo(before + 200 + 2L * ACCOUNTS);
    assertThat(OutboxTest.count("select count(distinct prev_hash) from audit_entry"))
        .as("no two entries follow the same predecessor")
        .isEqualTo(OutboxTest.count("select count(*) from audit_entry"));
  }

  private long run(String label, int entries, int perTransaction, boolean audited)
      throws Exception {
    String incident = label + "-" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    long start = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < entries / perTransaction; i++) {
        done.add(
            pool.submit(
                () -> {
                  if (audited) {
                    widgets.create(incident, perTransaction, false);
                  } else {
                    widgets.createUnaudited(incident, perTransaction);
                  }
                }));
      }
      for (Future<?> each : done) {
        each.get();
      }
    } finally {
      pool.shutdown();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (audited) {
      assertThat(count(incident)).isEqualTo(entries);
    }
    return millis;
  }

  private static long count(String incident) throws SQLException {
    return OutboxTest.count(
        "select count(*) from audit_entry where incident_id = '" + incident + "'");
  }
}
