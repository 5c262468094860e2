package io.cordon.testsupport;

import io.cordon.embedded.JvmWideServers;
import io.cordon.embedded.PostgresServerControl;
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

  /**
   * Init arg: {@value #SEPARATE_ROLES} runs the application as production does (docs/security.md
   * "Database roles"): the database belongs to {@link #MIGRATION_ROLE}, Flyway migrates as it, and
   * the datasource connects as {@link #RUNTIME_ROLE}, which holds only the grants the migrations'
   * {@code afterMigrate} callback gives it.
   */
  public static final String ROLES_ARG = "roles";

  public static final String SEPARATE_ROLES = "separate";
  public static final String MIGRATION_ROLE = "cordon_migrator";
  public static final String RUNTIME_ROLE = "cordon_runtime";

  // a system property, not a static field: the test may see another class loader's copy of this
  // class
  private static final String CURRENT_DATABASE_PROPERTY = "cordon.test.postgres.current-database";

  private String database;
  private String fixedDatabase;
  private boolean separateRoles;

  public static PostgresServerControl server() {
    return JvmWideServers.postgres();
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
    return dataSource(database, USERNAME, PASSWORD);
  }

  /** The current database as {@link #RUNTIME_ROLE}, the role a service runs as in production. */
  public static DataSource runtimeDataSource() {
    return dataSource(currentDatabase(), RUNTIME_ROLE, RUNTIME_ROLE);
  }

  private static DataSource dataSource(String database, String user, String password) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(jdbcUrl(database));
    dataSource.setUser(user);
    dataSource.setPassword(password);
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
    String roles = initArgs.get(ROLES_ARG);
    if (roles != null && !roles.equals(SEPARATE_ROLES)) {
      throw new IllegalArgumentException(ROLES_ARG + " must be " + SEPARATE_ROLES + " or absent");
    }
    separateRoles = roles != null;
  }

  @Override
  public Map<String, String> start() {
    server().start();
    String owner = separateRoles ? " OWNER " + createRoles() : "";
    if (fixedDatabase == null) {
      database = "cordon_" + UUID.randomUUID().toString().replace("-", "");
      execute("CREATE DATABASE " + database + owner);
    } else {
      database = fixedDatabase;
      createIfMissing(database, owner);
    }
    System.setProperty(CURRENT_DATABASE_PROPERTY, database);
    if (separateRoles) {
      // PostgreSQL 15's defaults on this 14 server: the owner owns public, others cannot create
      execute(
          database,
          "ALTER SCHEMA public OWNER TO " + MIGRATION_ROLE,
          "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
      return Map.of(
          "quarkus.datasource.db-kind",
          "postgresql",
          "quarkus.datasource.jdbc.url",
          jdbcUrl(database),
          "quarkus.datasource.username",
          RUNTIME_ROLE,
          "quarkus.datasource.password",
          RUNTIME_ROLE,
          "quarkus.flyway.username",
          MIGRATION_ROLE,
          "quarkus.flyway.password",
          MIGRATION_ROLE);
    }
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

  /** Both roles, once per server: plain login roles, neither a superuser nor the other's member. */
  private static String createRoles() {
    for (String role : new String[] {MIGRATION_ROLE, RUNTIME_ROLE}) {
      execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '"
              + role
              + "') THEN CREATE ROLE "
              + role
              + " LOGIN PASSWORD '"
              + role
              + "'; END IF; END $$");
    }
    return MIGRATION_ROLE;
  }

  private static void createIfMissing(String name, String owner) {
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
    execute("CREATE DATABASE " + name + owner);
  }

  private static void execute(String sql) {
    execute("postgres", sql);
  }

  private static void execute(String database, String... statements) {
    try (Connection connection = dataSource(database).getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Embedded PostgreSQL refused: " + String.join("; ", statements), e);
    }
  }
}
