package io.cordon.commons.tracing;

import io.quarkus.arc.Unremovable;
import io.smallrye.reactive.messaging.IncomingInterceptor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Remembers the {@code traceparent} header of each consumed record by its CloudEvents id, so the
 * service that stores the event's work (a run, a ledger entry) can keep the trace with the row.
 * Consumers take payloads, not records, and batch consumers see many traces at once; looking the
 * header up by event id works for both. Applies to every incoming channel.
 */
@ApplicationScoped
@Unremovable
public class IncomingTraces implements IncomingInterceptor {
  static final String CLOUD_EVENT_ID = "ce_id";

  // bounded: an event nobody asks about (unreadable, a duplicate) must not pile up
  private static final int REMEMBERED = 10_000;

  private final Map<String, String> traceparentByEventId =
      new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED;
        }
      };

  /** The traceparent the event with this id arrived with, forgotten once taken; null if none. */
  public String take(String eventId) {
    synchronized (traceparentByEventId) {
      return traceparentByEventId.remove(eventId);
    }
  }

  @Override
  public Message<?> afterMessageReceive(Message<?> message) {
    message
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .ifPresent(record -> remember(record.getHeaders()));
    Optional<IncomingKafkaRecordBatchMetadata> batch =
        message.getMetadata(IncomingKafkaRecordBatchMetadata.class);
    batch.ifPresent(
        records -> {
          for (Object record : records.getRecords()) {
            remember(((ConsumerRecord<?, ?>) record).headers());
          }
        });
    return message;
  }

  private void remember(Headers headers) {
    String eventId = text(headers.lastHeader(CLOUD_EVENT_ID));
    String traceparent = text(headers.lastHeader(TraceContexts.TRACEPARENT));
    if (eventId != null && traceparent != null) {
      synchronized (traceparentByEventId) {
        traceparentByEventId.put(eventId, traceparent);
      }
    }
  }

  private static String text(Header header) {
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void onMessageAck(Message<?> message) {}

  @Override
  public void onMessageNack(Message<?> message, Throwable failure) {}
}
