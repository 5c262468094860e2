package io.cordon.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Starts the embedded PostgreSQL (with one database per service) and a Kafka broker as a plain
 * process, for running the service jars by hand: {@code java -cp <test-support classpath>
 * io.cordon.testsupport.LocalInfrastructure}. Prints the settings to give each service.
 */
public final class LocalInfrastructure {
  private static final String[] DATABASES = {
    "cordon_account", "cordon_playbook", "cordon_notification"
  };

  private LocalInfrastructure() {}

  public static void main(String[] args) throws SQLException, InterruptedException {
    PostgresServerControl postgres = EmbeddedPostgresResource.server();
    try (Connection connection = EmbeddedPostgresResource.dataSource("postgres").getConnection();
        Statement statement = connection.createStatement()) {
      for (String database : DATABASES) {
        statement.execute("create database " + database);
      }
    }
    String kafka = EmbeddedKafkaResource.bootstrapServers();
    System.out.println("postgres.port=" + postgres.getPort());
    for (String database : DATABASES) {
      System.out.println("jdbc." + database + "=" + EmbeddedPostgresResource.jdbcUrl(database));
    }
    System.out.println("kafka.bootstrap.servers=" + kafka);
    System.out.println("ready");
    Thread.currentThread().join();
  }
}
