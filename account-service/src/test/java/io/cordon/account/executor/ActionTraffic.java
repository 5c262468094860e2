package io.cordon.account.executor;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.AccountRef;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.events.EventIds;
import io.cordon.contracts.json.EventJson;
import io.cordon.testsupport.GraphJournal;
import io.cordon.testsupport.KafkaTestClient;
import io.cordon.testsupport.TestActionSigning;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Plays playbook-service for executor tests: sends ActionRequested, collects ActionCompleted. */
final class ActionTraffic implements AutoCloseable {
  private final KafkaTestClient kafka = KafkaTestClient.forEmbeddedBroker();
  final String runId = "run-" + UUID.randomUUID();
  // every run has its own users, so calls replayed from an earlier test app are told apart
  private final String userPrefix = runId.substring(4, 12);

  String userId(int n) {
    return String.format("%s-0000-4000-8000-%012d", userPrefix, n);
  }

  /** Whether a Graph request (URL or body) concerns this run's users. */
  boolean concernsThisRun(String text) {
    return text.contains(userPrefix + "-0000-4000-8000-");
  }

  List<GraphJournal.InnerRequest> ownRequests(WireMockServer graph) {
    return GraphJournal.innerRequests(graph).stream()
        .filter(r -> concernsThisRun(r.url()) || concernsThisRun(r.body().toString()))
        .toList();
  }

  /**
   * Batch calls of this run that carried at least one request not sent before; a batch made only of
   * re-sent requests is a retry (after a transport failure on a loaded machine), not a batching
   * miss.
   */
  long ownFirstAttemptBatchCalls(WireMockServer graph) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    long batches = 0;
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> calls =
        new java.util.ArrayList<>(GraphJournal.batchCalls(graph));
    calls.sort(java.util.Comparator.comparing(c -> c.getLoggedDate()));
    for (var call : calls) {
      if (!concernsThisRun(call.getBodyAsString())) {
        continue;
      }
      boolean anyNew = false;
      for (com.fasterxml.jackson.databind.JsonNode request : readRequests(call.getBodyAsString())) {
        anyNew |=
            seen.add(
                requestKey(
                    request.path("method").asText(),
                    request.path("url").asText(),
                    request.path("body")));
      }
      batches += anyNew ? 1 : 0;
    }
    return batches;
  }

  /** Method, URL and the body's field names: a reset and a disable PATCH the same URL. */
  static String requestKey(
      String method, String url, com.fasterxml.jackson.databind.JsonNode body) {
    List<String> fields = new java.util.ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    return method + " " + url + " " + fields;
  }

  private static com.fasterxml.jackson.databind.JsonNode readRequests(String body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("requests");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Sizes (all requests, ours or not) of the batches that carried this run's requests, in order.
   */
  List<Integer> ownBatchSizes(WireMockServer graph) {
    return GraphJournal.batchCalls(graph).stream()
        .filter(call -> concernsThisRun(call.getBodyAsString()))
        .sorted(java.util.Comparator.comparing(c -> c.getLoggedDate()))
        .map(call -> readRequests(call.getBodyAsString()).size())
        .toList();
  }

  /** Batches that carried this run's requests together with other runs' requests. */
  long sharedBatchCalls(WireMockServer graph) {
    return GraphJournal.batchCalls(graph).stream()
        .filter(call -> concernsThisRun(call.getBodyAsString()))
        .filter(
            call -> {
              for (com.fasterxml.jackson.databind.JsonNode r :
                  readRequests(call.getBodyAsString())) {
                if (!concernsThisRun(r.toString())) {
                  return true;
                }
              }
              return false;
            })
        .count();
  }

  long ownBatchCalls(WireMockServer graph) {
    return GraphJournal.batchCalls(graph).stream()
        .filter(call -> concernsThisRun(call.getBodyAsString()))
        .count();
  }

  ActionRequested request(int user, ActionType action) {
    return request(userId(user), "user" + user + "@jaxa.example", action);
  }

  /** An action of this run on any account, e.g. one whose object id a test fixed in advance. */
  ActionRequested request(String objectId, ActionType action) {
    return request(objectId, "account-" + objectId + "@jaxa.example", action);
  }

  private ActionRequested request(String objectId, String upn, ActionType action) {
    return TestActionSigning.sign(unsigned(objectId, upn, action));
  }

  /** An action on an account of the tenant with this directory id. */
  ActionRequested request(String objectId, ActionType action, String tenantId) {
    return TestActionSigning.sign(
        unsigned(objectId, "account-" + objectId + "@jaxa.example", action, tenantId));
  }

  /** A request as playbook-service would send it, before it signs it. */
  ActionRequested unsigned(String objectId, String upn, ActionType action) {
    return unsigned(objectId, upn, action, "test-tenant");
  }

  private ActionRequested unsigned(
      String objectId, String upn, ActionType action, String tenantId) {
    return new ActionRequested(
        ActionRequested.SCHEMA_VERSION,
        EventIds.random(),
        runId + ":" + action + ":" + objectId,
        runId,
        action.name().toLowerCase(),
        new AccountRef(objectId, upn, tenantId),
        action,
        Map.of(),
        Instant.now(),
        null);
  }

  void send(ActionRequested request) {
    kafka.send(Topics.ACCOUNT_ACTIONS, request.account().objectId(), EventJson.write(request));
  }

  void send(List<ActionRequested> requests) {
    kafka.sendAll(
        Topics.ACCOUNT_ACTIONS,
        requests.stream().map(r -> Map.entry(r.account().objectId(), EventJson.write(r))).toList());
  }

  /** The completions of this run, by action id, once {@code count} distinct ones arrived. */
  Map<String, ActionCompleted> awaitCompletions(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, ActionCompleted> completions = completions();
    while (completions.size() < count && System.nanoTime() < deadline) {
      pause();
      completions = completions();
    }
    if (completions.size() < count) {
      throw new AssertionError(
          "Expected " + count + " completions of " + runId + " but got " + completions.size());
    }
    return completions;
  }

  /** Every ActionCompleted of this run on the topic, by action id (duplicates folded). */
  Map<String, ActionCompleted> completions() {
    Map<String, ActionCompleted> completions = new HashMap<>();
    for (ConsumerRecord<String, String> record : kafka.readAll(Topics.ACCOUNT_ACTION_RESULTS)) {
      ActionCompleted completed = EventJson.read(record.value(), ActionCompleted.class);
      if (runId.equals(completed.runId())) {
        completions.put(completed.actionId(), completed);
      }
    }
    return completions;
  }

  /** How many ActionCompleted messages of this run were published (duplicates counted). */
  long completionMessages() {
    return kafka.readAll(Topics.ACCOUNT_ACTION_RESULTS).stream()
        .filter(r -> r.value().contains(runId))
        .count();
  }

  private static void pause() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    kafka.close();
  }
}
