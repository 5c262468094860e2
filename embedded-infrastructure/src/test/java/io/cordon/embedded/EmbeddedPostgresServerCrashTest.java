package io.cordon.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server with a named data directory stands in for a real deployment that the reliability drills
 * kill -9: every commit it acknowledged must still be there after the crash.
 */
class EmbeddedPostgresServerCrashTest {

  @Test
  void aServerWithANamedDataDirectoryKeepsEveryAcknowledgedCommitThroughAKill(@TempDir Path data)
      throws SQLException {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.startNew(0, data.resolve("pg"));
    try {
      try (Connection connection = connect(server);
          Statement sql = connection.createStatement()) {
        assertThat(setting(sql, "synchronous_commit")).isEqualTo("on");
        sql.execute("CREATE TABLE acknowledged (id int PRIMARY KEY)");
        // autocommit: each insert is its own acknowledged transaction, the last one just before
        // the kill, when an asynchronous commit would still sit in the WAL buffer
        for (int id = 1; id <= 300; id++) {
          sql.execute("INSERT INTO acknowledged VALUES (" + id + ")");
        }
      }
      server.crash();
      server.start();
      try (Connection connection = connect(server);
          Statement sql = connection.createStatement();
          ResultSet rows = sql.executeQuery("SELECT count(*), max(id) FROM acknowledged")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(300);
        assertThat(rows.getInt(2)).isEqualTo(300);
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void aThrowAwayServerTradesDurabilityForSpeed() throws SQLException {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.startNew();
    try (Connection connection = connect(server);
        Statement sql = connection.createStatement()) {
      assertThat(setting(sql, "synchronous_commit")).isEqualTo("off");
    } finally {
      server.stop();
    }
  }

  private static String setting(Statement sql, String name) throws SQLException {
    try (ResultSet row = sql.executeQuery("SHOW " + name)) {
      assertThat(row.next()).isTrue();
      return row.getString(1);
    }
  }

  private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + server.getPort() + "/postgres", "postgres", "postgres");
  }
}
