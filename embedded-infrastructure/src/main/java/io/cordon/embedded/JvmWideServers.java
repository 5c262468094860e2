package io.cordon.embedded;

import java.nio.file.Path;

/**
 * The JVM's one embedded PostgreSQL server and one in-process Kafka broker. The first call starts
 * each; every later call, from any class loader, gets that same one back whatever it passes: the
 * test resources, the local stack and the outage tests all act on one server.
 */
public final class JvmWideServers {

  private JvmWideServers() {}

  /** PostgreSQL on a free port, its cluster in a temporary directory deleted at JVM exit. */
  public static PostgresServerControl postgres() {
    return postgres(0, null);
  }

  /**
   * PostgreSQL on {@code port} (0: a free one) with its cluster in {@code dataDirectory} (null: a
   * temporary one); see {@link EmbeddedPostgresServer#startNew(int, Path)}.
   */
  public static PostgresServerControl postgres(int port, Path dataDirectory) {
    return JvmWideRegistry.getOrCreate(
        "EmbeddedPostgres",
        PostgresServerControl.class,
        () ->
            dataDirectory == null
                ? EmbeddedPostgresServer.startNew(port)
                : EmbeddedPostgresServer.startNew(port, dataDirectory));
  }

  /** A Kafka broker on a free port, its log in a temporary directory. */
  public static KafkaBrokerControl kafka(int partitions) {
    return kafka(partitions, 0, null);
  }

  /**
   * A Kafka broker on {@code port} (0: a free one) whose topics get {@code partitions} partitions,
   * its log in {@code logDir} (null: a temporary one).
   */
  public static KafkaBrokerControl kafka(int partitions, int port, Path logDir) {
    return JvmWideRegistry.getOrCreate(
        "EmbeddedKafka",
        KafkaBrokerControl.class,
        () ->
            logDir == null
                ? EmbeddedKafkaBroker.startNew(partitions, port)
                : EmbeddedKafkaBroker.startNew(partitions, port, logDir));
  }
}
