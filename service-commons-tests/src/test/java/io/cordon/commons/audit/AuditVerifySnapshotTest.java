package io.cordon.commons.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /audit/verify} under load: entries appended (and the head moved) after the chain was read
 * but before the head is must not make an intact chain look broken.
 */
class AuditVerifySnapshotTest {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startDatabase() throws IOException, SQLException {
    postgres = EmbeddedPostgres.builder().start();
    try (InputStream script =
            AuditVerifySnapshotTest.class.getResourceAsStream("/db/commons/V0_2__audit.sql");
        Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(new String(script.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    postgres.close();
  }

  @Test
  void entriesAppendedBetweenTheReadsDoNotBreakTheChain() throws SQLException {
    append(3);

    AuditVerification answer;
    try (Connection verifier = postgres.getPostgresDatabase().getConnection()) {
      verifier.setAutoCommit(false);
      answer = AuditLog.verify(verifier, () -> append(2));
      verifier.rollback();
    }

    assertThat(answer.ok()).as(answer.toString()).isTrue();
    assertThat(answer.count()).isEqualTo(3);

    try (Connection verifier = postgres.getPostgresDatabase().getConnection()) {
      verifier.setAutoCommit(false);
      AuditVerification later = AuditLog.verify(verifier, () -> {});
      verifier.rollback();
      assertThat(later.ok()).isTrue();
      assertThat(later.count()).isEqualTo(5);
    }
  }

  // another connection, committed: what a concurrent request does
  private static void append(int entries) {
    try (Connection writer = postgres.getPostgresDatabase().getConnection()) {
      writer.setAutoCommit(false);
      List<AuditChain.Draft> drafts =
          java.util.stream.IntStream.range(0, entries)
              .mapToObj(
                  i ->
                      new AuditChain.Draft(
                          UUID.randomUUID(),
                          Instant.parse("2026-12-06T12:00:00Z"),
                          new AuditActor(AuditActor.Type.SERVICE, "test", null),
                          AuditEntry.of(AuditKind.RUN, "run.started", "run-" + i),
                          null,
                          null,
                          "corr-" + i))
              .toList();
      AuditChain.append(writer, drafts);
      writer.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
