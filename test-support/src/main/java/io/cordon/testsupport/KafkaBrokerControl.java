package io.cordon.testsupport;

/** The JVM-wide in-process Kafka broker, as seen from any class loader. */
public interface KafkaBrokerControl {

  String getBootstrapServers();

  int getDefaultPartitions();
}
