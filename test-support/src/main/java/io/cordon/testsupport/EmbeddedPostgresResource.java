package io.cordon.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One embedded PostgreSQL server per JVM (started on first use, stopped by a shutdown hook) and a
 * fresh database per resource start, dropped again on stop.
 *
 * <p>Init arg {@value #DATABASE_ARG} names a fixed database instead: created on the first start,
 * kept on stop, so several test classes (e.g. one application life before a restart and one after)
 * can share its data.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

  public static final String USERNAME = "postgres";
  // the embedded server trusts local connections; Quarkus still wants a password configured
  public static final String PASSWORD = "postgres";

  /** Init arg: use (and keep) this database rather than a fresh one per start. */
  public static final String DATABASE_ARG = "database";

  // a system property, not a static field: the test may see another class loader's copy of this
  // class
  private static final String CURRENT_DATABASE_PROPERTY = "cordon.test.postgres.current-database";

  private String database;
  private String fixedDatabase;

  public static PostgresServerControl server() {
    return JvmWideRegistry.getOrCreate(
        "EmbeddedPostgres", PostgresServerControl.class, EmbeddedPostgresServer::startNew);
  }

  /** The database of the most recently started resource, i.e. the one the running app uses. */
  public static String currentDatabase() {
    String current = System.getProperty(CURRENT_DATABASE_PROPERTY);
    if (current == null) {
      throw new IllegalStateException("No EmbeddedPostgresResource has been started");
    }
    return current;
  }

  public static String jdbcUrl() {
    return jdbcUrl(currentDatabase());
  }

  public static String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
  }

  public static DataSource dataSource() {
    return dataSource(currentDatabase());
  }

  public static DataSource dataSource(String database) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(jdbcUrl(database));
    dataSource.setUser(USERNAME);
    dataSource.setPassword(PASSWORD);
    return dataSource;
  }

  /** Simulates a database outage; the server keeps its port and data. */
  public static void stopServer() {
    server().stop();
  }

  public static void startServer() {
    server().start();
  }

  @Override
  public void init(Map<String, String> initArgs) {
    fixedDatabase = initArgs.get(DATABASE_ARG);
    if (fixedDatabase != null && !fixedDatabase.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException(
          DATABASE_ARG + " must be a lowercase SQL identifier but was '" + fixedDatabase + "'");
    }
  }

  @Override
  public Map<String, String> start() {
    server().start();
    if (fixedDatabase == null) {
      database = "cordon_" + UUID.randomUUID().toString().replace("-", "");
      execute("CREATE DATABASE " + database);
    } else {
      database = fixedDatabase;
      createIfMissing(database);
    }
    System.setProperty(CURRENT_DATABASE_PROPERTY, database);
    return Map.of(
        "quarkus.datasource.db-kind",
        "postgresql",
        "quarkus.datasource.jdbc.url",
        jdbcUrl(database),
        "quarkus.datasource.username",
        USERNAME,
        "quarkus.datasource.password",
        PASSWORD);
  }

  @Override
  public void stop() {
    // a fixed database outlives the application on purpose: the next start finds its data
    if (fixedDatabase == null && database != null && server().isRunning()) {
      execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
    database = null;
  }

  public String database() {
    return database;
  }

  private static void createIfMissing(String name) {
    try (Connection connection = dataSource("postgres").getConnection();
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Embedded PostgreSQL refused to list databases", e);
    }
    execute("CREATE DATABASE " + name);
  }

  private static void execute(String sql) {
    try (Connection connection = dataSource("postgres").getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Embedded PostgreSQL refused: " + sql, e);
    }
  }
}
