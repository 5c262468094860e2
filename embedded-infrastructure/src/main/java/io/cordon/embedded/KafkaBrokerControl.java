package io.cordon.embedded;

/**
 * The JVM-wide in-process Kafka broker, as seen from any class loader. Outage tests use {@link
 * #stop()} and {@link #start()}; the broker comes back on the same ports with its log intact.
 */
public interface KafkaBrokerControl {

  String getBootstrapServers();

  int getDefaultPartitions();

  boolean isRunning();

  void stop();

  void start();
}
