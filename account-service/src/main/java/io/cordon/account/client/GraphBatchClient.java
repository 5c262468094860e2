package io.cordon.account.client;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import io.cordon.account.config.GraphTenant;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import org.jboss.logging.Logger;

/**
 * Sends up to 20 calls as one JSON {@code $batch} and answers per call. It makes exactly one
 * attempt: retrying is the ledger's job, so every inner 429 is retried on its own schedule.
 */
@ApplicationScoped
public class GraphBatchClient {
  public static final int MAX_BATCH_SIZE = 20;
  private static final Logger LOG = Logger.getLogger(GraphBatchClient.class);
  static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("cordon.graph.batch.size");
  static final AttributeKey<String> CALL = AttributeKey.stringKey("cordon.graph.call");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

  @Inject GraphClients clients;
  @Inject MeterRegistry meters;
  @Inject Tracer tracer;

  /** Sends to the primary tenant. */
  public Map<String, GraphAnswer> send(List<GraphCall> calls) {
    return send(null, calls);
  }

  /**
   * One {@code $batch} in the tenant (its Graph host and token); the calls must have been built
   * with that tenant's client. A null tenant is the primary one.
   */
  public Map<String, GraphAnswer> send(GraphTenant tenant, List<GraphCall> calls) {
    if (calls.size() > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException("A Graph batch holds at most 20 requests");
    }
    DistributionSummary.builder("cordon.graph.batch.size")
        .description("Requests per Graph $batch")
        .register(meters)
        .record(calls.size());
    // a child of the executor's span, which names the run, account and action
    Span span =
        tracer
            .spanBuilder("GraphBatchClient.send")
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(BATCH_SIZE, (long) calls.size())
            .startSpan();
    try {
      Map<String, GraphAnswer> answers = sendOnce(tenant, calls);
      // one count per inner answer: throttling is decided per request inside a batch
      answers.values().forEach(answer -> countAnswer(answer.status()));
      trace(span, answers);
      return answers;
    } finally {
      span.end();
    }
  }

  /** Each inner answer's status as a span event; a single call's also as the span's status. */
  private static void trace(Span span, Map<String, GraphAnswer> answers) {
    answers.forEach(
        (key, answer) ->
            span.addEvent(
                "graph.answer", Attributes.of(CALL, key, STATUS, (long) answer.status())));
    if (answers.size() == 1) {
      span.setAttribute(STATUS, (long) answers.values().iterator().next().status());
    }
  }

  private void countAnswer(int status) {
    meters
        .counter("cordon.graph.requests", "status", status == 0 ? "none" : String.valueOf(status))
        .increment();
  }

  private Map<String, GraphAnswer> sendOnce(GraphTenant tenant, List<GraphCall> calls) {
    GraphServiceClient graph = tenant == null ? clients.graph() : clients.graph(tenant);
    BatchRequestContent content = new BatchRequestContent(graph);
    Map<String, String> keyByStep = new HashMap<>();
    for (GraphCall call : calls) {
      keyByStep.put(content.addBatchRequestStep(call.request()), call.key());
    }
    try {
      BatchResponseContent batch = graph.getBatchRequestBuilder().post(content, null);
      return answers(batch, keyByStep);
    } catch (ApiException e) {
      // the batch as a whole was refused (throttled, unavailable, unauthorised)
      GraphAnswer answer =
          new GraphAnswer(
              e.getResponseStatusCode(),
              GraphAnswers.retryAfter(firstHeader(e, "Retry-After")),
              firstHeader(e, "request-id"),
              "BatchFailed",
              e.getMessage());
      return sameForAll(calls, answer);
    } catch (Exception e) {
      LOG.warnf("Graph batch of %d calls got no answer: %s", calls.size(), e.toString());
      return sameForAll(calls, GraphAnswer.noAnswer(e.getClass().getSimpleName()));
    }
  }

  private static Map<String, GraphAnswer> answers(
      BatchResponseContent batch, Map<String, String> keyByStep) {
    Map<String, Response> responses = batch.getResponses();
    Map<String, GraphAnswer> answers = new LinkedHashMap<>();
    keyByStep.forEach(
        (step, key) -> {
          Response response = responses.get(step);
          answers.put(
              key,
              response == null
                  ? GraphAnswer.noAnswer("no answer for this request in the batch")
                  : GraphAnswers.of(response));
        });
    return answers;
  }

  private static Map<String, GraphAnswer> sameForAll(List<GraphCall> calls, GraphAnswer answer) {
    Map<String, GraphAnswer> answers = new LinkedHashMap<>();
    calls.forEach(call -> answers.put(call.key(), answer));
    return answers;
  }

  private static String firstHeader(ApiException e, String name) {
    if (e.getResponseHeaders() == null) {
      return null;
    }
    for (Map.Entry<String, java.util.Set<String>> header : e.getResponseHeaders().entrySet()) {
      if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
        return header.getValue().iterator().next();
      }
    }
    return null;
  }
}
