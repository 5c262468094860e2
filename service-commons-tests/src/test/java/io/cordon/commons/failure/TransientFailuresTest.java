package io.cordon.commons.failure;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

  @Test
  void aLostConnectionIsTransient() {
    assertThat(TransientFailures.isTransient(wrapped(new SQLException("gone", "08006")))).isTrue();
    assertThat(TransientFailures.isTransient(wrapped(new SQLException("shutdown", "57P01"))))
        .isTrue();
    assertThat(TransientFailures.isTransient(new SQLTransientConnectionException("pool"))).isTrue();
  }

  @Test
  void aPoolThatCannotHandOutAConnectionIsTransient() {
    assertThat(TransientFailures.isTransient(wrapped(new SQLException("acquisition timeout"))))
        .isTrue();
  }

  @Test
  void aDeadlockOrSerializationFailureIsTransient() {
    assertThat(TransientFailures.isTransient(wrapped(new SQLException("deadlock", "40P01"))))
        .isTrue();
    assertThat(TransientFailures.isTransient(wrapped(new SQLException("serialize", "40001"))))
        .isTrue();
  }

  @Test
  void aBrokenConstraintIsPermanentEvenWhenItSurfacesAsARollback() {
    SQLException duplicate = new SQLException("duplicate key", "23505");
    assertThat(TransientFailures.isTransient(wrapped(duplicate))).isFalse();
    RollbackException atCommit = new RollbackException("rolled back");
    atCommit.initCause(wrapped(duplicate));
    assertThat(TransientFailures.isTransient(atCommit)).isFalse();
  }

  @Test
  void aRollbackWithoutADatabaseVerdictIsTransient() {
    assertThat(TransientFailures.isTransient(new RuntimeException(new RollbackException("x"))))
        .isTrue();
  }

  @Test
  void aBugIsPermanent() {
    assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
    assertThat(TransientFailures.isTransient(new IllegalStateException("no such run"))).isFalse();
  }

  private static PersistenceException wrapped(SQLException cause) {
    return new PersistenceException("could not execute statement", cause);
  }
}
