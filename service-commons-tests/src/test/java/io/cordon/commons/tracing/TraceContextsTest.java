package io.cordon.commons.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Continuing a stored trace: parent for one origin, links for several, UPNs only when asked. */
class TraceContextsTest {
  private static final String ORIGIN = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  private static final String OTHER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build();

  @AfterEach
  void tearDown() {
    provider.close();
  }

  @Test
  void workOfOneOriginIsAChildOfItAndIsCurrentMeanwhile() {
    String inside;
    try (TracedWork work =
        traces(false)
            .continueFrom(ORIGIN, "Worker.act", new WorkAttributes("run-1", "oid-1", "u@x", "A"))) {
      inside = TraceContexts.current();
    }
    SpanData span = only();
    assertThat(span.getName()).isEqualTo("Worker.act");
    assertThat(span.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(span.getParentSpanId()).isEqualTo("b7ad6b7169203331");
    // what an outbox row written inside the work stores: this span, in the origin's trace
    assertThat(inside).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-" + span.getSpanId() + "-01");
    assertThat(span.getAttributes().get(TraceAttributes.OBJECT_ID)).isEqualTo("oid-1");
    assertThat(span.getAttributes().get(TraceAttributes.RUN_ID)).isEqualTo("run-1");
    assertThat(span.getAttributes().get(TraceAttributes.ACTION)).isEqualTo("A");
    assertThat(span.getAttributes().get(TraceAttributes.UPN)).isNull();
    assertThat(TraceContexts.current()).isNull();
  }

  @Test
  void workOfSeveralOriginsStartsATraceLinkedToEach() {
    traces(false)
        .continueFromAll(List.of(ORIGIN, OTHER, ORIGIN), "Batch.send", WorkAttributes.NONE)
        .close();
    SpanData span = only();
    assertThat(span.getParentSpanContext().isValid()).isFalse();
    assertThat(span.getLinks())
        .extracting(link -> link.getSpanContext().getTraceId())
        .containsExactly("0af7651916cd43dd8448eb211c80319c", "4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void upnIsOnSpansOnlyWhenConfigured() {
    traces(true)
        .continueFrom(null, "Worker.act", new WorkAttributes(null, "oid-1", "u@x", null))
        .close();
    assertThat(only().getAttributes().get(TraceAttributes.UPN)).isEqualTo("u@x");
  }

  @Test
  void malformedTraceparentIsIgnored() {
    assertThat(TraceContexts.parse("00-not-a-trace-01")).isNull();
    assertThat(TraceContexts.parse(null)).isNull();
    traces(false).continueFrom("garbage", "Worker.act", WorkAttributes.NONE).close();
    assertThat(only().getParentSpanContext().isValid()).isFalse();
  }

  private TraceContexts traces(boolean includeUpn) {
    TraceContexts traces = new TraceContexts();
    traces.tracer = provider.get("test");
    traces.config = () -> includeUpn;
    return traces;
  }

  private SpanData only() {
    assertThat(exported.getFinishedSpanItems()).hasSize(1);
    return exported.getFinishedSpanItems().get(0);
  }
}
