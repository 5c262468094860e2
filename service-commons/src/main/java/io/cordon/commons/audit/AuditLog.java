package io.cordon.commons.audit;

import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.Session;

/** Reads the audit log: filtered pages in chain order, and a full re-check of the chain. */
@ApplicationScoped
public class AuditLog {
  static final String COLUMNS =
      "seq, entry_id, occurred_at, actor_type, actor, actor_roles, kind, action, subject,"
          + " account_id, account_upn, incident_id, run_id, before_state, after_state, result,"
          + " reason, correlation_id, prev_hash, hash";
  private static final int VERIFY_BATCH = 1000;

  @Inject EntityManager entityManager;
  @Inject AuditAnchors anchors;

  @Transactional
  public Page<AuditRecord> find(AuditQuery query) {
    PageRequest page = query.page();
    long after = afterSeq(page);
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_entry where seq > ?");
    List<Object> args = new ArrayList<>(List.of(after));
    if (query.from() != null) {
      sql.append(" and occurred_at >= ?");
      args.add(query.from().atOffset(ZoneOffset.UTC));
    }
    if (query.to() != null) {
      sql.append(" and occurred_at < ?");
      args.add(query.to().atOffset(ZoneOffset.UTC));
    }
    if (query.account() != null) {
      sql.append(" and (account_id = ? or lower(account_upn) = ?)");
      args.add(query.account());
      args.add(query.account().toLowerCase(Locale.ROOT));
    }
    if (query.incident() != null) {
      sql.append(" and incident_id = ?");
      args.add(query.incident());
    }
    if (query.run() != null) {
      sql.append(" and run_id = ?");
      args.add(query.run());
    }
    sql.append(" order by seq limit ?");
    args.add(page.limit() + 1);
    List<AuditRecord> rows = new ArrayList<>();
    entityManager
        .unwrap(Session.class)
        .doWork(connection -> rows.addAll(select(connection, sql.toString(), args)));
    if (rows.size() <= page.limit()) {
      return new Page<>(rows, null);
    }
    List<AuditRecord> items = rows.subList(0, page.limit());
    return new Page<>(items, PageRequest.encode(Long.toString(items.get(items.size() - 1).seq())));
  }

  /**
   * Recomputes every hash from the first entry on and compares the end with the chain head. The
   * entries and the head are read in one snapshot (a read-only REPEATABLE READ transaction of its
   * own): entries appended while the check runs are neither half seen nor taken for a broken chain.
   * The chain must also contain the latest signed anchor (docs/security.md "Audit anchors"): a
   * chain rewritten and re-hashed with the database's keys alone no longer does. The anchor is
   * taken before the snapshot, so every entry it vouches for is in the snapshot.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public AuditVerification verify() {
    AuditAnchor anchor = anchors.latestAnchor().orElse(null);
    AuditVerification[] answer = new AuditVerification[1];
    entityManager
        .unwrap(Session.class)
        .doWork(connection -> answer[0] = verify(connection, () -> {}, anchor));
    return answer[0].against(anchor);
  }

  static AuditVerification verify(Connection connection, Runnable betweenReads)
      throws SQLException {
    return verify(connection, betweenReads, null);
  }

  /**
   * {@code connection} must be in a transaction that has not run a statement yet. {@code
   * betweenReads} runs after the entries were read and before the head is: tests append there.
   */
  static AuditVerification verify(Connection connection, Runnable betweenReads, AuditAnchor anchor)
      throws SQLException {
    try (Statement snapshot = connection.createStatement()) {
      // must be the transaction's first statement; the snapshot is taken by the first query
      snapshot.execute("set transaction isolation level repeatable read, read only");
    }
    String expectedPrev = AuditCanon.GENESIS;
    long expectedSeq = 1;
    long checked = 0;
    while (true) {
      List<AuditRecord> batch =
          select(
              connection,
              "select " + COLUMNS + " from audit_entry where seq >= ? order by seq limit ?",
              List.of(expectedSeq, VERIFY_BATCH));
      for (AuditRecord entry : batch) {
        String problem = problem(entry, expectedSeq, expectedPrev);
        if (problem == null && anchor != null && entry.seq() == anchor.seq()) {
          problem = anchorProblem(entry, anchor);
        }
        if (problem != null) {
          return AuditVerification.brokenAt(checked, entry.seq(), entry.id(), problem);
        }
        checked++;
        expectedSeq++;
        expectedPrev = entry.hash();
      }
      if (batch.size() < VERIFY_BATCH) {
        break;
      }
    }
    if (anchor != null && checked < anchor.seq()) {
      return AuditVerification.brokenAt(
          checked,
          checked + 1,
          null,
          "the chain ends at entry "
              + checked
              + " but the anchor signed at "
              + anchor.at()
              + " vouches for "
              + anchor.seq()
              + ": entries were removed");
    }
    betweenReads.run();
    return endMatchesHead(connection, checked, expectedPrev);
  }

  private static String anchorProblem(AuditRecord entry, AuditAnchor anchor) {
    if (entry.hash().equals(anchor.hash())) {
      return null;
    }
    return "the hash does not match the anchor signed at "
        + anchor.at()
        + ": the chain was rewritten up to here";
  }

  private static String problem(AuditRecord entry, long expectedSeq, String expectedPrev) {
    if (entry.seq() != expectedSeq) {
      return "entries " + expectedSeq + " to " + (entry.seq() - 1) + " are missing";
    }
    if (!entry.prevHash().equals(expectedPrev)) {
      return "prev_hash does not match the hash of entry " + (expectedSeq - 1);
    }
    if (!AuditCanon.hash(entry).equals(entry.hash())) {
      return "content does not match its hash: the entry was changed after it was written";
    }
    return null;
  }

  // entries removed from the end leave a shorter but internally consistent chain: the head knows
  private static AuditVerification endMatchesHead(Connection connection, long checked, String last)
      throws SQLException {
    try (PreparedStatement head =
            connection.prepareStatement("select seq, hash from audit_chain_head where id = 1");
        ResultSet row = head.executeQuery()) {
      row.next();
      long headSeq = row.getLong(1);
      if (headSeq != checked || !row.getString(2).equals(last)) {
        return AuditVerification.brokenAt(
            checked,
            checked + 1,
            null,
            "the chain head records " + headSeq + " entries but " + checked + " are present");
      }
    }
    return AuditVerification.intact(checked, last);
  }

  private static long afterSeq(PageRequest page) {
    if (page.after() == null) {
      return 0;
    }
    try {
      return Long.parseLong(page.after());
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField("cursor", "not a cursor this API returned");
    }
  }

  static List<AuditRecord> select(Connection connection, String sql, List<Object> args)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        statement.setObject(i + 1, args.get(i));
      }
      List<AuditRecord> rows = new ArrayList<>();
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          rows.add(read(row));
        }
      }
      return rows;
    }
  }

  private static AuditRecord read(ResultSet row) throws SQLException {
    return new AuditRecord(
        row.getLong("seq"),
        row.getObject("entry_id").toString(),
        row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        new AuditActor(
            AuditActor.Type.valueOf(row.getString("actor_type")),
            row.getString("actor"),
            row.getString("actor_roles")),
        row.getString("kind"),
        row.getString("action"),
        row.getString("subject"),
        row.getString("account_id"),
        row.getString("account_upn"),
        row.getString("incident_id"),
        row.getString("run_id"),
        row.getString("before_state"),
        row.getString("after_state"),
        row.getString("result"),
        row.getString("reason"),
        row.getString("correlation_id"),
        row.getString("prev_hash"),
        row.getString("hash"));
  }
}
