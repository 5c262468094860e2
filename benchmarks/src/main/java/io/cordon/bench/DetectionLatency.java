package io.cordon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.local.Stack;
import io.cordon.local.demo.CordonApi;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One account at a time: an Entra riskDetection POSTed to /detections as the detector, timed until
 * the revokeSignInSessions call for that user shows up in the simulator's journal (the journal's
 * own receive time; same machine, same clock).
 */
final class DetectionLatency {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  record Result(int samples, double p50Ms, double p95Ms, double p99Ms, double maxMs) {}

  static Result measure(Stack stack, CordonApi api, List<JsonNode> users, Consumer<String> progress)
      throws IOException, InterruptedException {
    URI detections = stack.serviceUrl("account-service").resolve("/api/v1/detections");
    List<Double> millis = new ArrayList<>();
    for (JsonNode user : users) {
      String id = user.path("id").asText();
      ObjectNode detection = CordonApi.json().createObjectNode();
      detection.put("@odata.type", "#microsoft.graph.riskDetection");
      detection.put("id", UUID.randomUUID().toString());
      detection.put("riskEventType", "unfamiliarFeatures");
      detection.put("riskState", "atRisk");
      detection.put("riskLevel", "high");
      detection.put("userId", id);
      detection.put("userPrincipalName", user.path("userPrincipalName").asText());
      Instant posted = Instant.now();
      CordonApi.expectSuccess(
          api.post(
              detections, stack.roleToken("detector"), "application/json", detection.toString()),
          detections);
      Instant revoked = awaitRevocation(stack, api, id, posted);
      millis.add(Duration.between(posted, revoked).toNanos() / 1e6);
      if (millis.size() % 20 == 0) {
        progress.accept(
            String.format(
                "  detections: %d/%d, last %.0f ms",
                millis.size(), users.size(), millis.get(millis.size() - 1)));
      }
    }
    Collections.sort(millis);
    return new Result(
        millis.size(),
        percentile(millis, 50),
        percentile(millis, 95),
        percentile(millis, 99),
        millis.get(millis.size() - 1));
  }

  private static Instant awaitRevocation(Stack stack, CordonApi api, String userId, Instant since)
      throws IOException, InterruptedException {
    URI journal =
        stack
            .simulatorUrl()
            .resolve(
                "/_sim/journal?limit=5&action=revokeSignInSessions&user="
                    + URLEncoder.encode(userId, StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode entry : api.get(journal, null).path("entries")) {
        Instant time = time(entry.path("time"));
        if (!time.isBefore(since)) {
          return time;
        }
      }
      Thread.sleep(20);
    }
    throw new IOException("no revokeSignInSessions for " + userId + " within " + TIMEOUT);
  }

  static Instant time(JsonNode value) {
    if (value.isNumber()) {
      // epoch seconds with a fraction (Jackson's default for Instant)
      long nanos = value.decimalValue().movePointRight(9).longValue();
      return Instant.ofEpochSecond(0, nanos);
    }
    return Instant.parse(value.asText());
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(List<Double> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
