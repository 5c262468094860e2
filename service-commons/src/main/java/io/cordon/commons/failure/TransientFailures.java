package io.cordon.commons.failure;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure that goes away by itself (the database restarting, a lock, a full pool) from one
 * that will fail the same way on every attempt (a bug, a constraint the message breaks).
 */
public final class TransientFailures {
  /**
   * SQLSTATE classes that describe the connection or the server, not the statement: 08 connection,
   * 40 serialization/deadlock, 53 insufficient resources, 55 lock not available, 57 operator
   * intervention (admin shutdown, cannot connect now), 58 system error.
   */
  private static final Set<String> TRANSIENT_SQL_STATE_CLASSES =
      Set.of("08", "40", "53", "55", "57", "58");

  private TransientFailures() {}

  public static boolean isTransient(Throwable failure) {
    boolean transientWrapper = false;
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      // the database's own verdict is the most precise: a constraint broken at commit also
      // surfaces as a rollback, and must not be retried for ever
      if (cause instanceof SQLTransientException
          || cause instanceof SQLRecoverableException
          || cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql) {
        return transientSqlState(sql.getSQLState());
      }
      transientWrapper |=
          cause instanceof LockTimeoutException
              || cause instanceof PessimisticLockException
              || cause instanceof QueryTimeoutException
              || cause instanceof RollbackException;
    }
    return transientWrapper;
  }

  /** No SQLSTATE at all is what the connection pool says when it cannot hand out a connection. */
  private static boolean transientSqlState(String sqlState) {
    return sqlState == null
        || sqlState.length() < 2
        || TRANSIENT_SQL_STATE_CLASSES.contains(sqlState.substring(0, 2));
  }

  private static Throwable next(Throwable cause) {
    Throwable next = cause.getCause();
    return next == cause ? null : next;
  }
}
