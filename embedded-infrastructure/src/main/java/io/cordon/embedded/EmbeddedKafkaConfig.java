package io.cordon.embedded;

import java.nio.file.Path;
import java.util.Properties;

/** Broker settings for a single-node test cluster: everything replicated once, nothing waits. */
final class EmbeddedKafkaConfig {

  private EmbeddedKafkaConfig() {}

  static Properties combinedNode(
      Path logDir, int brokerPort, int controllerPort, int defaultPartitions) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty(
        "listeners",
        "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", logDir.toString());
    p.setProperty("auto.create.topics.enable", "true");
    p.setProperty("num.partitions", Integer.toString(defaultPartitions));
    p.setProperty("default.replication.factor", "1");
    p.setProperty("min.insync.replicas", "1");
    p.setProperty("offsets.topic.replication.factor", "1");
    // the defaults (50 partitions each) cost seconds of start-up on two cores
    p.setProperty("offsets.topic.num.partitions", "5");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", "5");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    // the default 3 s delay would be paid by every consumer group a test creates
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    return p;
  }
}
