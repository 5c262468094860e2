package io.cordon.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL (one database per service) and a Kafka broker for running the service jars outside
 * tests: the local stack starts them through {@link #postgres(int)} and {@link #kafka(int, int)};
 * {@code java -cp <embedded-infrastructure classpath> io.cordon.embedded.LocalInfrastructure}
 * starts both on free ports and prints the settings to give each service.
 */
public final class LocalInfrastructure {
  public static final List<String> DATABASES =
      List.of("cordon_account", "cordon_playbook", "cordon_notification");

  // the embedded server trusts local connections; the driver still wants a password
  private static final String USERNAME = "postgres";
  private static final String PASSWORD = "postgres";

  private static final int PARTITIONS = 3;

  private LocalInfrastructure() {}

  /**
   * Embedded PostgreSQL on {@code port} (0: a free one) with the services' databases created empty
   * (dropped first when an earlier stack in this JVM left them).
   */
  public static PostgresServerControl postgres(int port) {
    return postgres(port, null);
  }

  /**
   * Like {@link #postgres(int)}, with the cluster in {@code dataDirectory} (null: a temporary one):
   * the local stack keeps it under its work directory, where a later start finds a server that a
   * killed launcher left running.
   */
  public static PostgresServerControl postgres(int port, Path dataDirectory) {
    PostgresServerControl server = JvmWideServers.postgres(port, dataDirectory);
    try (Connection connection =
            DriverManager.getConnection(jdbcUrl(server, "postgres"), USERNAME, PASSWORD);
        Statement statement = connection.createStatement()) {
      for (String database : DATABASES) {
        statement.execute("drop database if exists " + database + " with (force)");
        statement.execute("create database " + database);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the services' databases", e);
    }
    return server;
  }

  private static String jdbcUrl(PostgresServerControl server, String database) {
    return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
  }

  /** An in-process Kafka broker on {@code port} (0: a free one), topics auto-created. */
  public static KafkaBrokerControl kafka(int port, int partitions) {
    return kafka(port, partitions, null);
  }

  /**
   * Like {@link #kafka(int, int)}, with the broker's log in {@code logDir} (null: a temporary one).
   */
  public static KafkaBrokerControl kafka(int port, int partitions, Path logDir) {
    return JvmWideServers.kafka(partitions, port, logDir);
  }

  public static void main(String[] args) throws InterruptedException {
    PostgresServerControl postgres = postgres(0);
    String kafka = kafka(0, PARTITIONS).getBootstrapServers();
    System.out.println("postgres.port=" + postgres.getPort());
    for (String database : DATABASES) {
      System.out.println("jdbc." + database + "=" + jdbcUrl(postgres, database));
    }
    System.out.println("kafka.bootstrap.servers=" + kafka);
    System.out.println("ready");
    Thread.currentThread().join();
  }
}
