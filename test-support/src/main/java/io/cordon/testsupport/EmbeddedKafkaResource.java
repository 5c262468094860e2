package io.cordon.testsupport;

import io.cordon.embedded.JvmWideServers;
import io.cordon.embedded.KafkaBrokerControl;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the app at the JVM-wide in-process Kafka broker, starting it on first use. Topics are
 * auto-created. Init arg {@value #PARTITIONS_ARG} sets their partition count (default 3); the first
 * start in the JVM decides it.
 */
public class EmbeddedKafkaResource implements QuarkusTestResourceLifecycleManager {

  public static final String PARTITIONS_ARG = "num.partitions";
  public static final int DEFAULT_PARTITIONS = 3;

  private int partitions = DEFAULT_PARTITIONS;

  public static KafkaBrokerControl broker() {
    return broker(DEFAULT_PARTITIONS);
  }

  public static String bootstrapServers() {
    return broker().getBootstrapServers();
  }

  private static KafkaBrokerControl broker(int partitions) {
    return JvmWideServers.kafka(partitions);
  }

  @Override
  public void init(Map<String, String> initArgs) {
    partitions = Integer.parseInt(initArgs.getOrDefault(PARTITIONS_ARG, "" + DEFAULT_PARTITIONS));
  }

  @Override
  public Map<String, String> start() {
    String bootstrapServers = broker(partitions).getBootstrapServers();
    return Map.of(
        "kafka.bootstrap.servers", bootstrapServers,
        "mp.messaging.connector.smallrye-kafka.bootstrap.servers", bootstrapServers);
  }

  @Override
  public void stop() {
    // the broker outlives every app in the JVM; its shutdown hook stops it
  }
}
