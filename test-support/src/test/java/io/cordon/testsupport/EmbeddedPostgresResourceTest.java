package io.cordon.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresResourceTest {

  @Test
  void everyStartGetsItsOwnRealDatabase() throws SQLException {
    EmbeddedPostgresResource first = new EmbeddedPostgresResource();
    EmbeddedPostgresResource second = new EmbeddedPostgresResource();
    Map<String, String> firstConfig = first.start();
    Map<String, String> secondConfig = second.start();
    try {
      assertThat(firstConfig)
          .containsEntry("quarkus.datasource.db-kind", "postgresql")
          .containsEntry("quarkus.datasource.username", "postgres")
          .containsKey("quarkus.datasource.password");
      assertThat(firstConfig.get("quarkus.datasource.jdbc.url"))
          .startsWith("jdbc:postgresql://localhost:")
          .isNotEqualTo(secondConfig.get("quarkus.datasource.jdbc.url"));

      try (Connection connection = connect(firstConfig);
          Statement sql = connection.createStatement()) {
        sql.execute("CREATE TABLE account (id bigint PRIMARY KEY, upn text NOT NULL)");
        sql.execute("INSERT INTO account VALUES (1, 'a@contoso.test'), (2, 'b@contoso.test')");
        ResultSet rows = sql.executeQuery("SELECT count(*), max(upn) FROM account");
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(2);
        assertThat(rows.getString(2)).isEqualTo("b@contoso.test");
      }
      assertThat(tableExists(secondConfig, "account")).isFalse();
      assertThat(tableExists(firstConfig, "account")).isTrue();
    } finally {
      first.stop();
      second.stop();
    }
  }

  @Test
  void staticAccessTargetsTheLatestDatabaseAndStopDropsIt() throws SQLException {
    EmbeddedPostgresResource resource = new EmbeddedPostgresResource();
    Map<String, String> config = resource.start();
    String database = resource.database();

    assertThat(EmbeddedPostgresResource.currentDatabase()).isEqualTo(database);
    assertThat(EmbeddedPostgresResource.jdbcUrl())
        .isEqualTo(config.get("quarkus.datasource.jdbc.url"));
    try (Connection connection = EmbeddedPostgresResource.dataSource().getConnection()) {
      assertThat(connection.getCatalog()).isEqualTo(database);
    }

    resource.stop();
    assertThatThrownBy(() -> connect(config)).isInstanceOf(SQLException.class);
  }

  @Test
  void serverCanBeStoppedAndRestartedWithItsData() throws SQLException {
    EmbeddedPostgresResource resource = new EmbeddedPostgresResource();
    Map<String, String> config = resource.start();
    try {
      try (Connection connection = connect(config);
          Statement sql = connection.createStatement()) {
        sql.execute("CREATE TABLE survivor (id int)");
      }

      EmbeddedPostgresResource.stopServer();
      assertThat(EmbeddedPostgresResource.server().isRunning()).isFalse();
      assertThatThrownBy(() -> connect(config)).isInstanceOf(SQLException.class);

      EmbeddedPostgresResource.startServer();
      assertThat(EmbeddedPostgresResource.server().isRunning()).isTrue();
      assertThat(tableExists(config, "survivor")).isTrue();
    } finally {
      EmbeddedPostgresResource.startServer();
      resource.stop();
    }
  }

  @Test
  void fixedDatabaseKeepsItsDataFromOneStartToTheNext() throws SQLException {
    Map<String, String> args = Map.of(EmbeddedPostgresResource.DATABASE_ARG, "cordon_fixed_test");
    EmbeddedPostgresResource firstLife = new EmbeddedPostgresResource();
    firstLife.init(args);
    Map<String, String> firstConfig = firstLife.start();
    try (Connection connection = connect(firstConfig);
        Statement sql = connection.createStatement()) {
      sql.execute("CREATE TABLE kept (id int)");
    }
    firstLife.stop();

    EmbeddedPostgresResource secondLife = new EmbeddedPostgresResource();
    secondLife.init(args);
    Map<String, String> secondConfig = secondLife.start();
    secondLife.stop();

    assertThat(secondConfig.get("quarkus.datasource.jdbc.url"))
        .isEqualTo(firstConfig.get("quarkus.datasource.jdbc.url"))
        .endsWith("/cordon_fixed_test");
    assertThat(tableExists(secondConfig, "kept")).isTrue();
  }

  @Test
  void fixedDatabaseNameMustBeAnIdentifier() {
    EmbeddedPostgresResource resource = new EmbeddedPostgresResource();
    assertThatThrownBy(
            () -> resource.init(Map.of(EmbeddedPostgresResource.DATABASE_ARG, "x; DROP DATABASE")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("database");
  }

  private static boolean tableExists(Map<String, String> config, String table) throws SQLException {
    try (Connection connection = connect(config);
        ResultSet tables = connection.getMetaData().getTables(null, "public", table, null)) {
      return tables.next();
    }
  }

  private static Connection connect(Map<String, String> config) throws SQLException {
    return DriverManager.getConnection(
        config.get("quarkus.datasource.jdbc.url"),
        config.get("quarkus.datasource.username"),
        config.get("quarkus.datasource.password"));
  }
}
