package io.cordon.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.cordon.contracts.Topics;
import io.cordon.embedded.KafkaBrokerControl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaResourceTest {

  private final EmbeddedKafkaResource resource = new EmbeddedKafkaResource();

  @Test
  void recordsRoundTripThroughAnAutoCreatedTopic() {
    Map<String, String> config = resource.start();
    String topic = "cordon.test-" + UUID.randomUUID();

    try (KafkaTestClient client = new KafkaTestClient(config.get("kafka.bootstrap.servers"))) {
      client.send(topic, "account-1", "{\"n\":1}", Map.of("ce_type", "CompromiseReported"));
      client.send(topic, "account-2", "{\"n\":2}");

      List<ConsumerRecord<String, String>> records =
          client.awaitRecords(topic, 2, Duration.ofSeconds(20));

      assertThat(records)
          .extracting(ConsumerRecord::key, ConsumerRecord::value)
          .containsExactlyInAnyOrder(
              tuple("account-1", "{\"n\":1}"), tuple("account-2", "{\"n\":2}"));
      ConsumerRecord<String, String> first =
          records.stream().filter(r -> r.key().equals("account-1")).findFirst().orElseThrow();
      assertThat(new String(first.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
          .isEqualTo("CompromiseReported");
    }
    resource.stop();
  }

  @Test
  void aStoppedBrokerComesBackOnTheSamePortWithItsRecords() {
    String bootstrapServers = resource.start().get("kafka.bootstrap.servers");
    KafkaBrokerControl broker = EmbeddedKafkaResource.broker();
    String topic = "cordon.restart-" + UUID.randomUUID();
    try (KafkaTestClient client = new KafkaTestClient(bootstrapServers)) {
      client.send(topic, "k", "before the outage");
    }

    broker.stop();
    assertThat(broker.isRunning()).isFalse();
    broker.start();

    assertThat(broker.isRunning()).isTrue();
    assertThat(broker.getBootstrapServers()).isEqualTo(bootstrapServers);
    try (KafkaTestClient client = new KafkaTestClient(bootstrapServers)) {
      client.send(topic, "k", "after the outage");
      assertThat(client.awaitRecords(topic, 2, Duration.ofSeconds(60)))
          .extracting(ConsumerRecord::value)
          .containsExactly("before the outage", "after the outage");
    }
  }

  @Test
  void everyStartReusesTheOneBrokerOfTheJvm() {
    Map<String, String> first = resource.start();
    Map<String, String> second = new EmbeddedKafkaResource().start();

    assertThat(first.get("kafka.bootstrap.servers"))
        .startsWith("localhost:")
        .isEqualTo(second.get("kafka.bootstrap.servers"))
        .isEqualTo(first.get("mp.messaging.connector.smallrye-kafka.bootstrap.servers"))
        .isEqualTo(EmbeddedKafkaResource.bootstrapServers());
  }

  @Test
  void autoCreatedTopicsGetTheDefaultPartitionsAndCreateTopicsAnyCount() throws Exception {
    String bootstrapServers = resource.start().get("kafka.bootstrap.servers");
    String explicit = "cordon.explicit-" + UUID.randomUUID();
    String automatic = "cordon.automatic-" + UUID.randomUUID();

    try (KafkaTestClient client = new KafkaTestClient(bootstrapServers);
        Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      client.createTopics(1, explicit);
      client.createTopics(1, explicit);
      client.send(automatic, "k", "v");

      var topics = admin.describeTopics(List.of(explicit, automatic)).allTopicNames().get();
      assertThat(topics.get(explicit).partitions()).hasSize(1);
      assertThat(topics.get(automatic).partitions())
          .hasSize(EmbeddedKafkaResource.broker().getDefaultPartitions())
          .hasSize(EmbeddedKafkaResource.DEFAULT_PARTITIONS);
    }
  }

  @Test
  void theContractTopicsExistBeforeAnyoneProduces() throws Exception {
    String bootstrapServers = resource.start().get("kafka.bootstrap.servers");

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      var topics = admin.describeTopics(Topics.ALL).allTopicNames().get();
      assertThat(topics).containsOnlyKeys(Topics.ALL);
      assertThat(topics.values())
          .allSatisfy(
              topic ->
                  assertThat(topic.partitions())
                      .hasSize(EmbeddedKafkaResource.broker().getDefaultPartitions()));
    }
  }

  @Test
  void awaitRecordsFailsWhenTooFewArrive() {
    try (KafkaTestClient client = KafkaTestClient.forEmbeddedBroker()) {
      String topic = "cordon.empty-" + UUID.randomUUID();
      client.send(topic, "k", "only one");

      assertThatThrownBy(() -> client.awaitRecords(topic, 2, Duration.ofSeconds(1)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("at least 2 records")
          .hasMessageContaining("but got 1");
    }
  }
}
