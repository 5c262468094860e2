package io.cordon.commons.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.cordon.commons.testapp.AuditedWidgets;
import io.cordon.contracts.Topics;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The application as production runs it (docs/security.md "Database roles", "Audit anchors"):
 * Flyway migrates as the owner, the service runs as a role that cannot rewrite its audit log, and a
 * rewrite by someone holding the owner's keys is caught by the signed anchor outside the database.
 */
@QuarkusTest
@TestProfile(AuditLeastPrivilegeTest.SeparateRoles.class)
class AuditLeastPrivilegeTest {
  private static final String SERVICE = "commons-test";

  @Inject AuditedWidgets widgets;
  @Inject AgroalDataSource serviceDataSource;
  @Inject AuditAnchors anchors;
  @Inject AuditAnchorKey key;
  @Inject AnchorTopicReader reader;

  @Test
  void theServiceRunsAsTheRuntimeRoleAndItsWritesWork() throws SQLException {
    widgets.create("incident-" + UUID.randomUUID(), 2, false);

    assertThat(query(serviceDataSource, "select current_user"))
        .isEqualTo(EmbeddedPostgresResource.RUNTIME_ROLE);
    assertThat(
            query(serviceDataSource, "select tableowner from pg_tables where tablename = 'widget'"))
        .isEqualTo(EmbeddedPostgresResource.MIGRATION_ROLE);
    verifyAnswers(true);
  }

  @Test
  void theRuntimeRoleCannotChangeTheAuditLogOrTheSchema() throws SQLException {
    widgets.create("incident-" + UUID.randomUUID(), 1, false);
    Map<String, String> refused =
        Map.of(
            "update audit_entry set reason = 'edited'", "permission denied",
            "delete from audit_entry", "permission denied",
            "truncate audit_entry", "permission denied",
            "insert into audit_chain_head values (2, 0, repeat('0', 64))", "permission denied",
            "alter table audit_entry disable trigger audit_entry_no_update_or_delete",
                "must be owner",
            "drop trigger audit_entry_no_update_or_delete on audit_entry", "must be owner",
            "alter table audit_entry add column note text", "must be owner",
            "create table intruder (id int)", "permission denied",
            "set session_replication_role = replica", "permission denied",
            "delete from flyway_schema_history", "permission denied");
    for (var change : refused.entrySet()) {
      try (Connection connection = EmbeddedPostgresResource.runtimeDataSource().getConnection();
          Statement statement = connection.createStatement()) {
        assertThatThrownBy(() -> statement.execute(change.getKey()))
            .as(change.getKey())
            .isInstanceOf(SQLException.class)
            .hasMessageContaining(change.getValue());
      }
    }
    verifyAnswers(true);
  }

  /**
   * The rewrite of issue 21 with the owner's keys: trigger off, an entry edited, every later hash
   * recomputed, the head moved. The chain is then internally consistent (the check without an
   * anchor passes), but it no longer contains the anchor published before.
   */
  @Test
  void aRewrittenAndRehashedChainNoLongerMatchesTheSignedAnchor() throws Exception {
    String incident = "incident-" + UUID.randomUUID();
    widgets.create(incident, 3, false);
    AuditAnchor anchor = anchors.publishHead().get(30, TimeUnit.SECONDS);
    assertThat(key.isGenuine(anchor)).isTrue();
    given()
        .auth()
        .oauth2(viewer())
        .get("/api/v1/audit/verify")
        .then()
        .statusCode(200)
        .body("ok", equalTo(true))
        .body("anchor.seq", equalTo((int) anchor.seq()))
        .body("anchor.signature", equalTo(anchor.signature()));

    List<AuditRecord> original = chain();
    long edited = anchor.seq() - 1;
    try {
      rewrite(edited, "FAILED");
      try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection()) {
        connection.setAutoCommit(false);
        assertThat(AuditLog.verify(connection, () -> {}).ok())
            .as("without an anchor the rewritten chain looks intact")
            .isTrue();
        connection.rollback();
      }
      given()
          .auth()
          .oauth2(viewer())
          .get("/api/v1/audit/verify")
          .then()
          .statusCode(200)
          .body("ok", equalTo(false))
          .body("broken.seq", equalTo((int) anchor.seq()))
          .body("broken.reason", containsString("anchor"));
    } finally {
      restore(original);
    }
    verifyAnswers(true);
  }

  @Test
  void afterARestartTheLatestGenuineAnchorIsReadBackAndAForgeryIgnored() throws Exception {
    widgets.create("incident-" + UUID.randomUUID(), 1, false);
    AuditAnchor published = anchors.publishHead().get(30, TimeUnit.SECONDS);
    AuditAnchor forged =
        new AuditAnchor(SERVICE, published.seq() + 1000, "f".repeat(64), Instant.now(), "AAAA");
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      kafka.send(Topics.AUDIT_ANCHORS, SERVICE, AuditAnchors.write(forged));
    }

    assertThat(reader.latest(SERVICE, key::isGenuine, Duration.ofSeconds(20))).contains(published);
    assertThat(reader.latest(SERVICE, a -> true, Duration.ofSeconds(20))).contains(forged);
  }

  private static void verifyAnswers(boolean ok) {
    given()
        .auth()
        .oauth2(viewer())
        .get("/api/v1/audit/verify")
        .then()
        .statusCode(200)
        .body("ok", equalTo(ok));
  }

  private static String viewer() {
    return TestJwt.token("vera", TestJwt.VIEWER);
  }

  private static String query(javax.sql.DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }

  private static List<AuditRecord> chain() throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection()) {
      return readFull(connection, 1);
    }
  }

  /** Edits entry {@code seq}'s result and re-hashes it and every later entry, then the head. */
  private static void rewrite(long seq, String result) throws SQLException {
    try (Connection owner = EmbeddedPostgresResource.dataSource().getConnection()) {
      owner.setAutoCommit(false);
      try (Statement statement = owner.createStatement()) {
        statement.execute(
            "alter table audit_entry disable trigger audit_entry_no_update_or_delete");
        statement.execute("update audit_entry set result = '" + result + "' where seq = " + seq);
      }
      String prev = null;
      List<AuditRecord> entries = readFull(owner, seq);
      try (PreparedStatement update =
          owner.prepareStatement("update audit_entry set prev_hash = ?, hash = ? where seq = ?")) {
        for (AuditRecord entry : entries) {
          String prevHash = prev == null ? entry.prevHash() : prev;
          AuditRecord relinked = withPrev(entry, prevHash);
          prev = AuditCanon.hash(relinked);
          update.setString(1, prevHash);
          update.setString(2, prev);
          update.setLong(3, entry.seq());
          update.executeUpdate();
        }
      }
      try (Statement statement = owner.createStatement()) {
        statement.execute("update audit_chain_head set hash = '" + prev + "' where id = 1");
        statement.execute("alter table audit_entry enable trigger audit_entry_no_update_or_delete");
      }
      owner.commit();
    }
  }

  private static void restore(List<AuditRecord> original) throws SQLException {
    try (Connection owner = EmbeddedPostgresResource.dataSource().getConnection()) {
      owner.setAutoCommit(false);
      try (Statement statement = owner.createStatement()) {
        statement.execute(
            "alter table audit_entry disable trigger audit_entry_no_update_or_delete");
      }
      try (PreparedStatement update =
          owner.prepareStatement(
              "update audit_entry set result = ?, prev_hash = ?, hash = ? where seq = ?")) {
        for (AuditRecord entry : original) {
          update.setString(1, entry.result());
          update.setString(2, entry.prevHash());
          update.setString(3, entry.hash());
          update.setLong(4, entry.seq());
          update.executeUpdate();
        }
      }
      try (Statement statement = owner.createStatement()) {
        if (!original.isEmpty()) {
          statement.execute(
              "update audit_chain_head set hash = '"
                  + original.get(original.size() - 1).hash()
                  + "' where id = 1 and seq = "
                  + original.get(original.size() - 1).seq());
        }
        statement.execute("alter table audit_entry enable trigger audit_entry_no_update_or_delete");
      }
      owner.commit();
    }
  }

  private static List<AuditRecord> readFull(Connection connection, long fromSeq)
      throws SQLException {
    return AuditLog.select(
        connection,
        "select " + AuditLog.COLUMNS + " from audit_entry where seq >= ? order by seq",
        List.of(fromSeq));
  }

  private static AuditRecord withPrev(AuditRecord e, String prevHash) {
    return new AuditRecord(
        e.seq(),
        e.id(),
        e.at(),
        e.actor(),
        e.kind(),
        e.action(),
        e.subject(),
        e.accountId(),
        e.accountUpn(),
        e.incidentId(),
        e.runId(),
        e.before(),
        e.after(),
        e.result(),
        e.reason(),
        e.correlationId(),
        prevHash,
        null);
  }

  /** The runtime role for the datasource, the owner for Flyway; the rest as every test has it. */
  public static class SeparateRoles implements QuarkusTestProfile {
    @Override
    public boolean disableGlobalTestResources() {
      return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(
          new TestResourceEntry(
              EmbeddedPostgresResource.class,
              Map.of(EmbeddedPostgresResource.ROLES_ARG, EmbeddedPostgresResource.SEPARATE_ROLES)),
          new TestResourceEntry(EmbeddedKafkaResource.class),
          new TestResourceEntry(TestJwtResource.class));
    }
  }
}
