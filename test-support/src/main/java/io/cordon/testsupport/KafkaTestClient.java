package io.cordon.testsupport;

import io.cordon.embedded.KafkaTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces, reads and creates topics on a broker, for assertions in tests. */
public final class KafkaTestClient implements AutoCloseable {

  private final String bootstrapServers;
  private KafkaProducer<String, String> producer;

  public KafkaTestClient(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  public static KafkaTestClient forEmbeddedBroker() {
    return new KafkaTestClient(EmbeddedKafkaResource.bootstrapServers());
  }

  public RecordMetadata send(String topic, String key, String value) {
    return send(topic, key, value, Map.of());
  }

  /** Sends synchronously, so the record is on the broker when this returns. */
  public RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
    headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
    try {
      return producer().send(record).get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("Sending to " + topic + " failed", e);
    }
  }

  /**
   * Sends many records at once (pipelined) and returns when all are on the broker. The topic is
   * created first: a pipelined burst racing auto-creation can lose its first request (see {@code
   * io.cordon.embedded.EmbeddedKafkaBroker#createContractTopics}).
   */
  public void sendAll(String topic, List<Map.Entry<String, String>> keyedValues) {
    createTopics(topic);
    List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
    for (Map.Entry<String, String> keyed : keyedValues) {
      sent.add(producer().send(new ProducerRecord<>(topic, keyed.getKey(), keyed.getValue())));
    }
    producer().flush();
    try {
      for (java.util.concurrent.Future<RecordMetadata> future : sent) {
        future.get();
      }
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("Sending to " + topic + " failed", e);
    }
  }

  /**
   * Reads {@code topic} from the beginning of every partition until at least {@code count} records
   * arrived; fails when the timeout passes first.
   */
  public List<ConsumerRecord<String, String>> awaitRecords(
      String topic, int count, Duration timeout) {
    try (TopicReader reader = new TopicReader(bootstrapServers, topic)) {
      return reader.readAtLeast(count, timeout);
    }
  }

  /** Reads {@code topic} from the beginning until a record matches; returns all records read. */
  public List<ConsumerRecord<String, String>> awaitMatching(
      String topic, Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
    try (TopicReader reader = new TopicReader(bootstrapServers, topic)) {
      return reader.readUntil(match, timeout);
    }
  }

  /** Every record on {@code topic} at this moment (auto-creating an absent topic). */
  public List<ConsumerRecord<String, String>> readAll(String topic) {
    try (TopicReader reader = new TopicReader(bootstrapServers, topic)) {
      return reader.readToEnd(Duration.ofSeconds(30));
    }
  }

  public void createTopics(String... topics) {
    createTopics(EmbeddedKafkaResource.DEFAULT_PARTITIONS, topics);
  }

  /** Creates the topics that do not exist yet. */
  public void createTopics(int partitions, String... topics) {
    KafkaTopics.createMissing(bootstrapServers, partitions, topics);
  }

  private synchronized KafkaProducer<String, String> producer() {
    if (producer == null) {
      Map<String, Object> config =
          Map.of(
              "bootstrap.servers",
              bootstrapServers,
              "acks",
              "all",
              "max.block.ms",
              15_000,
              // a loaded test machine times requests out; plain retries are fine for test traffic
              "enable.idempotence",
              false,
              "delivery.timeout.ms",
              120_000,
              "request.timeout.ms",
              60_000);
      producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
    return producer;
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }
}
