package io.cordon.embedded;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates topics up front, as a deployment does, rather than leaving them to auto-creation. */
public final class KafkaTopics {

  private KafkaTopics() {}

  /** Creates those of {@code topics} that do not exist yet; returns when the broker has them. */
  public static void createMissing(String bootstrapServers, int partitions, String... topics) {
    List<NewTopic> newTopics =
        Arrays.stream(topics).map(t -> new NewTopic(t, partitions, (short) 1)).toList();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      admin.createTopics(newTopics).values().values().forEach(KafkaTopics::awaitCreated);
    }
  }

  private static void awaitCreated(KafkaFuture<Void> creation) {
    try {
      creation.get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Topic creation failed", e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
