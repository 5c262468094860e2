package io.cordon.notification.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.testsupport.EmbeddedPostgresResource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** Looks for a webhook secret wherever it must never be: the database, logs, any text. */
final class SecretTraces {

  private SecretTraces() {}

  /** The secret as sent, its base64 part, and its key bytes in hex (how bytea prints). */
  static String[] forms(String secret) {
    return new String[] {
      secret, secret.substring("whsec_".length()), HexFormat.of().formatHex(keyBytes(secret))
    };
  }

  static byte[] keyBytes(String secret) {
    return Base64.getDecoder().decode(secret.substring("whsec_".length()));
  }

  /** Every column of every table, as text and (for binary columns) as raw bytes. */
  static void assertDatabaseHoldsNoTraceOf(String secret) throws SQLException {
    byte[] key = keyBytes(secret);
    int cells = 0;
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection()) {
      for (String table : tables(connection)) {
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("select * from \"" + table + "\"")) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int c = 1; c <= columns; c++) {
              cells++;
              String text = rows.getString(c);
              if (text != null) {
                assertThat(text).as("%s column %d", table, c).doesNotContain(forms(secret));
              }
              if (rows.getMetaData().getColumnType(c) == Types.BINARY) {
                byte[] bytes = rows.getBytes(c);
                assertThat(indexOf(bytes, key)).as("%s column %d", table, c).isEqualTo(-1);
              }
            }
          }
        }
      }
    }
    assertThat(cells).as("scanned cells").isGreaterThan(0);
  }

  private static List<String> tables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select table_name from information_schema.tables"
                    + " where table_schema = 'public' and table_type = 'BASE TABLE'")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    assertThat(tables).contains("partner", "partner_webhook_secret");
    return tables;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    if (haystack == null) {
      return -1;
    }
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Collects every log record's message, parameters and exception chain. */
  static final class CapturingHandler extends Handler {
    private final List<String> lines;

    CapturingHandler(List<String> lines) {
      this.lines = lines;
      setLevel(Level.ALL);
    }

    @Override
    public synchronized void publish(LogRecord record) {
      StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
      if (record.getParameters() != null) {
        for (Object parameter : record.getParameters()) {
          line.append(' ').append(parameter);
        }
      }
      for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
        line.append(' ').append(t);
      }
      lines.add(line.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
