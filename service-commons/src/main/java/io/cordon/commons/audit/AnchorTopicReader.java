package io.cordon.commons.audit;

import io.cordon.contracts.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the compacted anchor topic from the start to its end with a plain consumer that joins no
 * group (assigned partitions, no commits): it needs only Read on the topic, no group ACL.
 */
@ApplicationScoped
public class AnchorTopicReader {
  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafka;

  /** The newest anchor the topic holds under {@code service}'s key that {@code genuine} accepts. */
  public Optional<AuditAnchor> latest(
      String service, Predicate<AuditAnchor> genuine, Duration timeout) {
    Map<String, Object> settings = new HashMap<>(kafka);
    settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    settings.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return readLatest(Topics.AUDIT_ANCHORS, service, genuine, settings, timeout);
  }

  private static Optional<AuditAnchor> readLatest(
      String topic,
      String service,
      Predicate<AuditAnchor> genuine,
      Map<String, Object> settings,
      Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    AuditAnchor found = null;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      while (!reachedEnd(consumer, end)) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(topic + " not read to its end within " + timeout);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          AuditAnchor anchor = record.value() == null ? null : AuditAnchors.read(record.value());
          if (service.equals(record.key())
              && anchor != null
              && service.equals(anchor.service())
              && (found == null || anchor.seq() >= found.seq())
              && genuine.test(anchor)) {
            found = anchor;
          }
        }
      }
    }
    return Optional.ofNullable(found);
  }

  private static boolean reachedEnd(
      KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
