package io.cordon.playbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.events.ResolvedAccount;
import io.cordon.playbook.service.run.RunProgress;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * One event stream for several runs ({@code GET /api/v1/runs/events?run=}, docs/api.md): what it
 * sends, when it ends, what it refuses, and that a client leaving frees it on the server.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class RunEventStreamTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PLAYBOOK =
      """
      name: test-stream
      steps:
        - id: revoke
          action: REVOKE_SESSIONS
      """;

  @ConfigProperty(name = "quarkus.http.test-port")
  int port;

  @Inject RunProgress progress;

  @Test
  void oneStreamFollowsSeveralRunsAndEndsWhenAllAreFinal() throws Exception {
    Runs.putPlaybook(PLAYBOOK);
    String prefix = prefix("multi");
    try (TestResponder responder = TestResponder.start(prefix, request -> null)) {
      String first = Runs.start("test-stream", "INC-" + prefix + "a", accounts(prefix, 0, 1));
      String second = Runs.start("test-stream", "INC-" + prefix + "b", accounts(prefix, 2, 3));
      await().atMost(WAIT).until(() -> responder.requests().size() == 2 + 2);
      Stream stream = open("run=" + first + "&run=" + second);
      await()
          .atMost(WAIT)
          .until(() -> stream.progressOf(first) >= 1 && stream.progressOf(second) >= 1);

      answer(responder, first);
      await().atMost(WAIT).until(() -> stream.lastOf(first).contains("\"state\":\"SUCCEEDED\""));
      assertThat(stream.ended).isNotDone();
      answer(responder, second);
      List<String> lines = stream.ended.get(30, TimeUnit.SECONDS);
      assertThat(stream.lastOf(second)).contains("\"state\":\"SUCCEEDED\"");
      // each run's final state is sent once, and nothing of it after
      assertThat(stream.events.stream().filter(e -> e.contains("\"id\":\"" + first + "\"")))
          .filteredOn(e -> e.contains("\"state\":\"SUCCEEDED\""))
          .hasSize(1);
      assertThat(lines).isNotEmpty();
    }
  }

  @Test
  void aSilentStreamSendsKeepAlivesAndALeavingClientClosesItOnTheServer() throws Exception {
    Runs.putPlaybook(PLAYBOOK);
    String prefix = prefix("alive");
    try (TestResponder responder = TestResponder.start(prefix, request -> null)) {
      String runId = Runs.start("test-stream", "INC-" + prefix, accounts(prefix, 0));
      await().atMost(WAIT).until(() -> responder.requests().size() == 1);
      int before = progress.openStreams();
      // comma-separated works as well as repeated
      Stream stream = open("run=" + runId + "," + runId);
      await().atMost(WAIT).until(() -> stream.progressOf(runId) == 1);
      // streams of earlier tests still closing may be counted too: wait for this one to show
      await().atMost(WAIT).until(() -> progress.openStreams() >= before + 1);
      // %test keep-alive is 1 s: the held run sends nothing, the stream a comment
      await()
          .atMost(WAIT)
          .until(
              () ->
                  stream.lines.stream()
                      .anyMatch(line -> line.startsWith(":") && line.contains("keep-alive")));
      assertThat(stream.progressOf(runId)).isEqualTo(1);

      stream.body.close();
      await().atMost(WAIT).until(() -> progress.openStreams() <= before);
      answer(responder, runId);
    }
  }

  @Test
  void refusesNoRunTooManyRunsAndUnknownRuns() {
    Runs.asViewer()
        .accept("text/event-stream")
        .get("/api/v1/runs/events")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("run"));
    String many = String.join(",", IntStream.range(0, 51).mapToObj(i -> "run-" + i).toList());
    Runs.asViewer()
        .accept("text/event-stream")
        .queryParam("run", many)
        .get("/api/v1/runs/events")
        .then()
        .statusCode(400)
        .body("errors.reason", hasItem(containsString("at most 50")));
    Runs.asViewer()
        .accept("text/event-stream")
        .queryParam("run", "no-such-run")
        .get("/api/v1/runs/events")
        .then()
        .statusCode(404)
        .body("detail", containsString("no-such-run"));
  }

  /** An event stream being read on its own thread: every line, every event's data, the end. */
  private static final class Stream {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<List<String>> ended = new CompletableFuture<>();
    InputStream body;

    long progressOf(String runId) {
      return events.stream().filter(e -> e.contains("\"id\":\"" + runId + "\"")).count();
    }

    String lastOf(String runId) {
      List<String> of =
          events.stream().filter(e -> e.contains("\"id\":\"" + runId + "\"")).toList();
      return of.isEmpty() ? "" : of.get(of.size() - 1);
    }
  }

  private Stream open(String query) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/runs/events?" + query))
            .header(
                "Authorization", "Bearer " + TestJwt.token("carol@jaxa.example", TestJwt.VIEWER))
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    Stream stream = new Stream();
    stream.body = response.body();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(stream.body, StandardCharsets.UTF_8))) {
                String name = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  stream.lines.add(line);
                  if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                  } else if (line.startsWith("data:") && "progress".equals(name)) {
                    stream.events.add(line.substring("data:".length()).strip());
                  }
                }
                stream.ended.complete(new ArrayList<>(stream.lines));
              } catch (Exception e) {
                stream.ended.completeExceptionally(e);
              }
            },
            "event-stream-reader");
    reader.setDaemon(true);
    reader.start();
    return stream;
  }

  private static void answer(TestResponder responder, String runId) {
    for (ActionRequested request : responder.requests()) {
      if (runId.equals(request.runId())) {
        responder.answer(request, TestResponder.Answer.succeeded());
      }
    }
  }

  private static String prefix(String test) {
    return test + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  private static List<ResolvedAccount> accounts(String prefix, int... indexes) {
    return IntStream.of(indexes).mapToObj(i -> Accounts.account(prefix, i)).toList();
  }
}
