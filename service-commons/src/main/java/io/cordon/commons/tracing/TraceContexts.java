package io.cordon.commons.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Carries a trace across the hops automatic instrumentation cannot see: work stored as a row (a
 * report, an outbox message, a run, a ledger entry) keeps the W3C {@code traceparent} of the span
 * that created it, and the worker that picks the row up later continues that trace from it.
 */
@ApplicationScoped
public class TraceContexts {
  public static final String TRACEPARENT = "traceparent";

  @Inject Tracer tracer;
  @Inject TracingConfig config;

  /** The current span as a W3C traceparent, or null when no trace is being recorded. */
  public static String current() {
    return traceparentOf(Span.current().getSpanContext());
  }

  /** The W3C traceparent of a span context, or null when it is not valid. */
  public static String traceparentOf(SpanContext span) {
    if (!span.isValid()) {
      return null;
    }
    return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
  }

  /** The context a traceparent names, or null when the value is missing or malformed. */
  public static Context parse(String traceparent) {
    if (traceparent == null || traceparent.isBlank()) {
      return null;
    }
    Context context =
        W3CTraceContextPropagator.getInstance()
            .extract(Context.root(), Map.of(TRACEPARENT, traceparent), SingleHeader.GETTER);
    return Span.fromContext(context).getSpanContext().isValid() ? context : null;
  }

  /**
   * Starts a span named {@code spanName} as a child of the stored traceparent (a new trace when
   * there is none) and makes it current until the returned work is closed.
   */
  public TracedWork continueFrom(String traceparent, String spanName, WorkAttributes attributes) {
    return continueFromAll(
        traceparent == null ? List.of() : List.of(traceparent), spanName, attributes);
  }

  /**
   * Like {@link #continueFrom} for work gathered from several rows: one origin becomes the parent;
   * several (a Graph {@code $batch} of actions from different runs) become links of a new trace.
   */
  public TracedWork continueFromAll(
      Collection<String> traceparents, String spanName, WorkAttributes attributes) {
    Set<String> origins = new LinkedHashSet<>();
    traceparents.stream().filter(Objects::nonNull).forEach(origins::add);
    SpanBuilder builder =
        tracer
            .spanBuilder(spanName)
            .setSpanKind(SpanKind.INTERNAL)
            .setAllAttributes(attributesOf(attributes));
    if (origins.size() == 1) {
      Context parent = parse(origins.iterator().next());
      builder.setParent(parent == null ? Context.root() : parent);
    } else {
      builder.setNoParent();
      for (String origin : origins) {
        Context linked = parse(origin);
        if (linked != null) {
          builder.addLink(Span.fromContext(linked).getSpanContext());
        }
      }
    }
    Span span = builder.startSpan();
    return new TracedWork(span, span.makeCurrent());
  }

  /** The attributes of a unit of work; the UPN only when {@code cordon.tracing.include-upn}. */
  public Attributes attributesOf(WorkAttributes work) {
    AttributesBuilder builder = Attributes.builder();
    put(builder, TraceAttributes.RUN_ID, work.runId());
    put(builder, TraceAttributes.OBJECT_ID, work.objectId());
    put(builder, TraceAttributes.ACTION, work.action());
    if (config.includeUpn()) {
      put(builder, TraceAttributes.UPN, work.userPrincipalName());
    }
    return builder.build();
  }

  private static void put(AttributesBuilder builder, AttributeKey<String> key, String value) {
    if (value != null) {
      builder.put(key, value);
    }
  }

  private enum SingleHeader implements TextMapGetter<Map<String, String>> {
    GETTER;

    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  }
}
