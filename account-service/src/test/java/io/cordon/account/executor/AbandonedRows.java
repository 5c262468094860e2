package io.cordon.account.executor;

import io.cordon.testsupport.EmbeddedPostgresResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Ledger rows as an executor that died mid-send leaves them, written straight into PostgreSQL. */
final class AbandonedRows {
  private AbandonedRows() {}

  /**
   * An IN_FLIGHT row of {@code action} for the user, claimed at local {@code claimed} (Graph time
   * not recorded, as by an older executor) whose lease ran out at {@code leaseExpires}.
   */
  static String insert(
      ActionTraffic traffic, String userId, String action, Instant claimed, Instant leaseExpires)
      throws SQLException {
    return insertRow(traffic, userId, action, "IN_FLIGHT", 1, claimed, leaseExpires);
  }

  /** A PENDING row of {@code action} for the user, due a second ago. */
  static String insertDue(ActionTraffic traffic, String userId, String action) throws SQLException {
    return insertRow(traffic, userId, action, "PENDING", 0, Instant.now().minusSeconds(1), null);
  }

  private static String insertRow(
      ActionTraffic traffic,
      String userId,
      String action,
      String state,
      int attempts,
      Instant since,
      Instant leaseExpires)
      throws SQLException {
    String actionId = traffic.runId + ":" + action + ":" + userId;
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into remediation_action (action_id, run_id, step_id, account_object_id,"
                    + " user_principal_name, tenant_id, action, state, attempts, next_attempt_at,"
                    + " claimed_at, requested_at, lease_expires_at, claim_token) values (?, ?, ?, ?,"
                    + " ?, 'test-tenant', ?, ?, ?, ?, ?, ?, ?, case when ? = 'IN_FLIGHT' then"
                    + " nextval('remediation_action_claim_token') end)")) {
      insert.setString(1, actionId);
      insert.setString(2, traffic.runId);
      insert.setString(3, action.toLowerCase(java.util.Locale.ROOT));
      insert.setString(4, userId);
      insert.setString(5, userId + "@jaxa.example");
      insert.setString(6, action);
      insert.setString(7, state);
      insert.setInt(8, attempts);
      insert.setTimestamp(9, Timestamp.from(since));
      insert.setTimestamp(10, "IN_FLIGHT".equals(state) ? Timestamp.from(since) : null);
      insert.setTimestamp(11, Timestamp.from(since));
      insert.setTimestamp(12, leaseExpires == null ? null : Timestamp.from(leaseExpires));
      insert.setString(13, state);
      insert.executeUpdate();
    }
    return actionId;
  }

  /** Records the Graph-clock interval its executor measured for the claim. */
  static void claimedInGraphTime(String actionId, Instant earliest, Instant latest)
      throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "update remediation_action set claimed_graph_earliest = ?, claimed_graph_latest = ?"
                    + " where action_id = ?")) {
      update.setTimestamp(1, Timestamp.from(earliest));
      update.setTimestamp(2, Timestamp.from(latest));
      update.setString(3, actionId);
      update.executeUpdate();
    }
  }

  /** State, possibly_applied_since and its Graph-time bounds of a ledger row. */
  static String stateOf(String actionId) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select state, possibly_applied_since, possibly_applied_graph_earliest,"
                    + " possibly_applied_graph_latest from remediation_action where action_id = ?")) {
      select.setString(1, actionId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getString(1)
            + " since "
            + instant(row.getTimestamp(2))
            + " graph "
            + instant(row.getTimestamp(3))
            + ".."
            + instant(row.getTimestamp(4));
      }
    }
  }

  /** The fencing token of the row's current claim. */
  static long claimToken(String actionId) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select claim_token from remediation_action where action_id = ?")) {
      select.setString(1, actionId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  static Instant leaseExpiry(String actionId) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select lease_expires_at from remediation_action where action_id = ?")) {
      select.setString(1, actionId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return instant(row.getTimestamp(1));
      }
    }
  }

  /** Leaves nothing unfinished for the tests that follow: no executor owns these rows. */
  static void delete(String... actionIds) throws SQLException {
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        PreparedStatement delete =
            connection.prepareStatement("delete from remediation_action where action_id = ?")) {
      for (String actionId : actionIds) {
        delete.setString(1, actionId);
        delete.executeUpdate();
      }
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
