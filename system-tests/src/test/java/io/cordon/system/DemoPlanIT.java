package io.cordon.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.local.demo.CordonApi;
import io.cordon.local.demo.IncidentCsv;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plan of the demo incident over real processes: per account what the built-in playbook would do,
 * answered within seconds, and not one write seen by the graph-simulator.
 */
class DemoPlanIT {
  private static RunningStack running;

  @BeforeAll
  static void start() throws Exception {
    running = DemoStack.get();
  }

  @Test
  void aPlanOfTheDemoIncidentShowsTheRunAndWritesNothingAtGraph() throws Exception {
    List<String> accounts = IncidentCsv.accounts(running.stack.options().incidentCsv());
    long writesBefore = writes();
    ObjectNode body = CordonApi.json().createObjectNode();
    body.putObject("incident").put("id", "DEMO-PLAN");
    body.putArray("accounts").addAll(accounts.stream().map(body::textNode).toList());
    URI plans = running.stack.serviceUrl("playbook-service").resolve("/api/v1/plans");

    long started = System.nanoTime();
    CordonApi.Answer answer =
        running.api.post(
            plans,
            running.stack.roleToken("responder"),
            "application/json",
            CordonApi.json().writeValueAsString(body));
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(answer.status()).as("%s", answer.raw().body()).isEqualTo(200);
    JsonNode plan = answer.body();
    assertThat(millis)
        .as("plan of %d accounts took %d ms", accounts.size(), millis)
        .isLessThan(30_000);
    assertThat(plan.path("accounts").size()).isEqualTo(accounts.size());
    assertThat(plan.path("wouldStart").asBoolean()).as("%s", plan.path("preflight")).isTrue();
    assertThat(plan.path("approvals").size()).isPositive();
    assertThat(writes()).as("Graph writes during the plan").isEqualTo(writesBefore);
    JsonNode runs =
        running.api.get(
            running.stack.serviceUrl("playbook-service").resolve("/api/v1/runs?incident=DEMO-PLAN"),
            running.stack.roleToken("viewer"));
    assertThat(runs.path("items").size()).isZero();
  }

  /** Requests the simulator saw that were not reads ($batch envelopes carry reads too). */
  private static long writes() throws Exception {
    long writes = 0;
    for (JsonNode entry : running.simulator.journal(null, null).path("entries")) {
      String method = entry.path("method").asText();
      String path = entry.path("path").asText();
      if (!method.equals("GET") && !path.endsWith("$batch") && !path.contains("/oauth2/")) {
        writes++;
      }
    }
    return writes;
  }
}
