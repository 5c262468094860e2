package io.cordon.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic without a consumer group, so no rebalance or committed offset gets in the
 * way.
 */
final class TopicReader implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final String topic;

  TopicReader(String bootstrapServers, String topic) {
    this.topic = topic;
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers", bootstrapServers,
            "enable.auto.commit", false,
            "allow.auto.create.topics", true);
    this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  List<ConsumerRecord<String, String>> readAtLeast(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    assignAllPartitions(deadline);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    while (records.size() < count && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(100)).records(topic).forEach(records::add);
    }
    if (records.size() < count) {
      throw new AssertionError(
          String.format(
              "Expected at least %d records on %s within %s but got %d: %s",
              count, topic, timeout, records.size(), records));
    }
    return records;
  }

  /** Reads until a record matches, returning everything read so far (the match included). */
  List<ConsumerRecord<String, String>> readUntil(
      Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    assignAllPartitions(deadline);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> record :
          consumer.poll(Duration.ofMillis(100)).records(topic)) {
        records.add(record);
        if (match.test(record)) {
          return records;
        }
      }
    }
    throw new AssertionError(
        "No matching record on " + topic + " within " + timeout + "; saw " + records.size());
  }

  /** Everything on the topic right now: reads up to the end offsets seen at the start. */
  List<ConsumerRecord<String, String>> readToEnd(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    assignAllPartitions(deadline);
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    while (System.nanoTime() < deadline && !reached(end)) {
      consumer.poll(Duration.ofMillis(100)).records(topic).forEach(records::add);
    }
    return records;
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  // asking for partitions also makes the broker auto-create a topic nobody has written to yet
  private void assignAllPartitions(long deadline) {
    List<TopicPartition> partitions = new ArrayList<>();
    while (partitions.isEmpty() && System.nanoTime() < deadline) {
      for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(5))) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      if (partitions.isEmpty()) {
        pause();
      }
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
