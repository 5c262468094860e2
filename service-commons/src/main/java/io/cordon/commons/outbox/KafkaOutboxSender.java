package io.cordon.commons.outbox;

import io.cordon.commons.tracing.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Sends outbox rows to their topic as CloudEvents (binary mode) and reports the broker's ack. A row
 * written inside a trace is sent under a producer span of that trace, whose context travels as the
 * record's W3C {@code traceparent} header (the connector's own tracing is off for this channel: it
 * would only see the relay thread, not the work that wrote the row).
 */
@ApplicationScoped
public class KafkaOutboxSender {
  static final String CHANNEL = "cordon-outbox";

  @Inject
  @Channel(CHANNEL)
  MutinyEmitter<String> emitter;

  @Inject Tracer tracer;

  @ConfigProperty(name = "quarkus.application.name", defaultValue = "cordon")
  String serviceName;

  public CompletableFuture<Void> send(OutboxMessage row) {
    CompletableFuture<Void> acked = new CompletableFuture<>();
    Span span = producerSpan(row);
    Message<String> message =
        Message.of(
            row.payload,
            Metadata.of(kafkaMetadata(row, traceparent(row, span)), cloudEventMetadata(row)),
            () -> {
              acked.complete(null);
              span.end();
              return CompletableFuture.completedFuture(null);
            },
            failure -> {
              acked.completeExceptionally(failure);
              span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName()).end();
              return CompletableFuture.completedFuture(null);
            });
    try {
      emitter.sendMessageAndForget(message);
    } catch (RuntimeException bufferFullOrClosed) {
      acked.completeExceptionally(bufferFullOrClosed);
      span.end();
    }
    return acked;
  }

  /** A span of the row's trace, or an invalid (no-op) span when the row carries none. */
  private Span producerSpan(OutboxMessage row) {
    Context parent = TraceContexts.parse(row.traceparent);
    if (parent == null) {
      return Span.getInvalid();
    }
    return tracer
        .spanBuilder("KafkaOutboxSender.send")
        .setParent(parent)
        .setSpanKind(SpanKind.PRODUCER)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", row.topic)
        .setAttribute("cloudevents.event_id", row.eventId)
        .setAttribute("cloudevents.event_type", row.eventType)
        .startSpan();
  }

  // with tracing off the span is a no-op: the stored context still travels, unchanged
  private static String traceparent(OutboxMessage row, Span span) {
    String own = TraceContexts.traceparentOf(span.getSpanContext());
    return own != null ? own : row.traceparent;
  }

  private static OutgoingKafkaRecordMetadata<String> kafkaMetadata(
      OutboxMessage row, String traceparent) {
    RecordHeaders headers = new RecordHeaders();
    if (traceparent != null) {
      headers.add(TraceContexts.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
    }
    return OutgoingKafkaRecordMetadata.<String>builder()
        .withTopic(row.topic)
        .withKey(row.messageKey)
        .withHeaders(headers)
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
