package io.cordon.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Everything a service under test wrote down, as text, for tests proving a secret (a generated
 * password, a Temporary Access Pass, a client secret) never reaches the database, the bus or the
 * log.
 */
public final class StoredText {
  private StoredText() {}

  /** Every row of every table of the current test database, one row per line. */
  public static String database() throws SQLException {
    StringBuilder dump = new StringBuilder();
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "select table_name from information_schema.tables where table_schema = 'public'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rows = statement.executeQuery("select t::text from " + table + " t")) {
          while (rows.next()) {
            dump.append(rows.getString(1)).append('\n');
          }
        }
      }
    }
    return dump.toString();
  }

  /** Every message on these topics of the embedded broker, one per line. */
  public static String kafka(Collection<String> topics) {
    StringBuilder dump = new StringBuilder();
    try (KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker()) {
      for (String topic : topics) {
        kafka.readAll(topic).forEach(record -> dump.append(record.value()).append('\n'));
      }
    }
    return dump.toString();
  }

  /** The log file, or nothing when the service wrote none. */
  public static String file(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }
}
