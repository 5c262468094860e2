package io.cordon.commons.outbox;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Sends outbox rows to their topic as CloudEvents (binary mode) and reports the broker's ack. */
@ApplicationScoped
public class KafkaOutboxSender {
  static final String CHANNEL = "cordon-outbox";

  @Inject
  @Channel(CHANNEL)
  MutinyEmitter<String> emitter;

  @ConfigProperty(name = "quarkus.application.name", defaultValue = "cordon")
  String serviceName;

  public CompletableFuture<Void> send(OutboxMessage row) {
    CompletableFuture<Void> acked = new CompletableFuture<>();
    Message<String> message =
        Message.of(
            row.payload,
            Metadata.of(kafkaMetadata(row), cloudEventMetadata(row)),
            () -> {
              acked.complete(null);
              return CompletableFuture.completedFuture(null);
            },
            failure -> {
              acked.completeExceptionally(failure);
              return CompletableFuture.completedFuture(null);
            });
    try {
      emitter.sendMessageAndForget(message);
    } catch (RuntimeException bufferFullOrClosed) {
      acked.completeExceptionally(bufferFullOrClosed);
    }
    return acked;
  }

  private static OutgoingKafkaRecordMetadata<String> kafkaMetadata(OutboxMessage row) {
    return OutgoingKafkaRecordMetadata.<String>builder()
        .withTopic(row.topic)
        .withKey(row.messageKey)
        .build();
  }

  private OutgoingCloudEventMetadata<Object> cloudEventMetadata(OutboxMessage row) {
    return OutgoingCloudEventMetadata.builder()
        .withId(row.eventId)
        .withType(row.eventType)
        .withSource(URI.create("urn:cordon:" + serviceName))
        .withSubject(row.messageKey)
        .withTimestamp(row.createdAt.atZone(ZoneOffset.UTC))
        .withDataContentType("application/json")
        .build();
  }
}
