package io.cordon.commons.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Appends entries to the chain inside the current transaction: locks the chain head row (so
 * concurrent writers queue and the chain never forks), numbers and hashes each entry after the
 * head, inserts them in one JDBC batch and moves the head.
 */
@ApplicationScoped
public class AuditChain {
  private static final String INSERT =
      "insert into audit_entry (seq, entry_id, occurred_at, actor_type, actor, actor_roles, kind,"
          + " action, subject, account_id, account_upn, incident_id, run_id, before_state,"
          + " after_state, result, reason, correlation_id, prev_hash, hash)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Inject EntityManager entityManager;
  @Inject AgroalDataSource dataSource;

  /** An entry stamped with its id, time, actor and correlation id, not yet in the chain. */
  record Draft(
      UUID id,
      Instant at,
      AuditActor actor,
      AuditEntry entry,
      String before,
      String after,
      String correlationId) {

    AuditRecord chained(long seq, String prevHash) {
      AuditRecord unhashed = toRecord(seq, prevHash, null);
      return toRecord(seq, prevHash, AuditCanon.hash(unhashed));
    }

    private AuditRecord toRecord(long seq, String prevHash, String hash) {
      return new AuditRecord(
          seq,
          id.toString(),
          at,
          actor,
          entry.kind().label(),
          entry.action(),
          limit(entry.subject(), 500),
          limit(entry.accountId(), 64),
          limit(entry.accountUpn(), 255),
          limit(entry.incidentId(), 200),
          limit(entry.runId(), 100),
          before,
          after,
          limit(entry.result(), 40),
          limit(entry.reason(), 1000),
          correlationId,
          prevHash,
          hash);
    }

    // the stored value is what is hashed, so shorten before hashing rather than let the DB refuse
    private static String limit(String value, int max) {
      return value == null || value.length() <= max ? value : value.substring(0, max);
    }
  }

  void append(List<Draft> drafts) {
    // the state change reaches the database first: the head lock is the transaction's last lock
    entityManager.flush();
    // This runs in a before-completion callback, after Hibernate may already have handed its
    // connection back; through the session it would take one again and leave it open at the
    // commit. The pool gives this transaction's enlisted connection, and the handle is closed here.
    try (Connection connection = dataSource.getConnection()) {
      append(connection, drafts);
    } catch (SQLException e) {
      throw new IllegalStateException("could not append to the audit chain", e);
    }
  }

  static void append(Connection connection, List<Draft> drafts) throws SQLException {
    long seq;
    String hash;
    try (PreparedStatement head =
            connection.prepareStatement(
                "select seq, hash from audit_chain_head where id = 1 for update");
        ResultSet row = head.executeQuery()) {
      if (!row.next()) {
        throw new IllegalStateException("audit_chain_head is missing: migration V0_2 not applied");
      }
      seq = row.getLong(1);
      hash = row.getString(2);
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (Draft draft : drafts) {
        AuditRecord entry = draft.chained(++seq, hash);
        bind(insert, entry);
        insert.addBatch();
        hash = entry.hash();
      }
      insert.executeBatch();
    }
    try (PreparedStatement move =
        connection.prepareStatement("update audit_chain_head set seq = ?, hash = ? where id = 1")) {
      move.setLong(1, seq);
      move.setString(2, hash);
      move.executeUpdate();
    }
  }

  private static void bind(PreparedStatement insert, AuditRecord e) throws SQLException {
    insert.setLong(1, e.seq());
    insert.setObject(2, UUID.fromString(e.id()));
    insert.setObject(3, e.at().atOffset(ZoneOffset.UTC));
    insert.setString(4, e.actor().type().name());
    insert.setString(5, e.actor().name());
    text(insert, 6, e.actor().roles());
    insert.setString(7, e.kind());
    insert.setString(8, e.action());
    text(insert, 9, e.subject());
    text(insert, 10, e.accountId());
    text(insert, 11, e.accountUpn());
    text(insert, 12, e.incidentId());
    text(insert, 13, e.runId());
    text(insert, 14, e.before());
    text(insert, 15, e.after());
    text(insert, 16, e.result());
    text(insert, 17, e.reason());
    insert.setString(18, e.correlationId());
    insert.setString(19, e.prevHash());
    insert.setString(20, e.hash());
  }

  private static void text(PreparedStatement statement, int index, String value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }
}
