package io.cordon.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.local.demo.DemoPartners;
import io.cordon.local.demo.IncidentCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every reliability drill must still hold afterwards, judged by what Graph (the simulator's
 * journal) and the partners' endpoint saw rather than by what Cordon says about itself.
 */
final class DrillChecks {
  private final RunningStack running;

  DrillChecks(RunningStack running) {
    this.running = running;
  }

  /** Partners whose scope groups (by object id) contain one of the incident's accounts. */
  Set<String> affectedPartners(Path csv) throws IOException, InterruptedException {
    Set<String> groups = new HashSet<>();
    for (String account : IncidentCsv.accounts(csv)) {
      for (JsonNode group : running.simulator.user(account).path("groups")) {
        groups.add(group.path("id").asText());
      }
    }
    Set<String> affected = new TreeSet<>();
    for (JsonNode partner : ReliabilityStack.partnerDefinitions()) {
      for (JsonNode group : partner.path("scopes").path("groups")) {
        if (groups.contains(group.path("id").asText())) {
          affected.add(DemoPartners.slug(partner.path("name").asText()));
        }
      }
    }
    return affected;
  }

  void runCompletedWithEveryAccount(IncidentDrill.Result result) {
    assertThat(result.run().path("state").asText())
        .as("final state of run %s", result.run().path("id").asText())
        .isIn("SUCCEEDED", "PARTIALLY_SUCCEEDED");
    // every accepted entry settled (a user the tenant does not have would be USER_NOT_FOUND and not
    // part of the run), none left pending or failed
    JsonNode counts = result.report().path("counts");
    assertThat(counts.path("resolved").asInt() + counts.path("notFound").asInt())
        .as("accepted accounts resolved or not found: %s", counts)
        .isEqualTo(result.intake().path("accepted").asInt());
    assertThat(result.accounts())
        .as("accounts of the run")
        .hasSize(counts.path("resolved").asInt());
    for (JsonNode account : result.accounts()) {
      for (JsonNode step : account.path("steps")) {
        assertThat(step.path("state").asText())
            .as("%s %s", account.path("userPrincipalName").asText(), step.path("stepId").asText())
            .isNotIn("PENDING", "RUNNING", "IN_PROGRESS", "WAITING_APPROVAL");
      }
    }
  }

  /** For every (account, action) at most one effective Graph call; a DELETE counts per object. */
  Map<String, Integer> atMostOneEffectiveGraphCallPerAccountAndAction()
      throws IOException, InterruptedException {
    Map<String, Integer> effective = new HashMap<>();
    for (JsonNode entry : running.simulator.journal(null, true)) {
      String object =
          entry.path("method").asText().equals("DELETE") ? " " + entry.path("path").asText() : "";
      for (JsonNode userId : entry.path("userIds")) {
        effective.merge(
            entry.path("action").asText() + " " + userId.asText() + object, 1, Integer::sum);
      }
    }
    assertThat(effective).as("effective Graph calls").isNotEmpty();
    assertThat(effective).allSatisfy((call, count) -> assertThat(count).as(call).isEqualTo(1));
    return effective;
  }

  /**
   * Each affected partner exactly two notices of the incident (the first, and the follow-up when
   * its accounts were contained), every other partner none: nothing is sent twice.
   */
  void eachAffectedPartnerExactlyOneNoticeAndOneFollowUp(
      IncidentDrill.Result result, Set<String> affected) {
    for (JsonNode partner : ReliabilityStack.partnerDefinitions()) {
      String key = DemoPartners.slug(partner.path("name").asText());
      Set<String> ids = result.noticeIdsByPartner().getOrDefault(key, Set.of());
      assertThat(running.receiver.inboxes().get(key).rejectedCount())
          .as("badly signed deliveries to %s", key)
          .isZero();
      assertThat(ids)
          .as("notice ids of %s received by %s", result.incidentId(), key)
          .hasSize(affected.contains(key) ? 2 : 0);
    }
  }

  /**
   * Graph requests as Graph counts them against its limits ({@code requests}): every request
   * outside a {@code $batch} and every request inside one. An answered {@code $batch} envelope is
   * not a request of its own (its inner requests are counted); a {@code $batch} held past the
   * client's timeout counts as one refused request, its inner requests never having been read.
   * {@code refused}: those answered 429 or 5xx, or not at all. {@code httpRequests}: every HTTP
   * request the simulator received, envelopes included. {@code byAction}: requests and refusals per
   * journal action, for the figures.
   */
  record GraphTraffic(int requests, int refused, int httpRequests, Map<String, int[]> byAction) {}

  GraphTraffic graphTraffic() throws IOException, InterruptedException {
    int requests = 0;
    int refused = 0;
    int httpRequests = 0;
    Map<String, int[]> byAction = new java.util.TreeMap<>();
    for (JsonNode entry : running.simulator.journal(null, null)) {
      int status = entry.path("status").asInt();
      boolean envelope = entry.path("path").asText().equals("/$batch");
      if (!entry.path("inBatch").asBoolean()) {
        httpRequests++;
      }
      if (envelope && status != 0) {
        continue;
      }
      requests++;
      boolean refusal = status == 429 || status >= 500 || status == 0;
      refused += refusal ? 1 : 0;
      int[] counts = byAction.computeIfAbsent(entry.path("action").asText(), a -> new int[2]);
      counts[0]++;
      counts[1] += refusal ? 1 : 0;
    }
    return new GraphTraffic(requests, refused, httpRequests, byAction);
  }

  /** "action requests/refused" for each action, for the figures in the log. */
  static String breakdown(GraphTraffic traffic) {
    StringBuilder text = new StringBuilder();
    traffic
        .byAction()
        .forEach(
            (action, c) ->
                text.append(' ').append(action).append('=').append(c[0]).append('/').append(c[1]));
    return text.toString().strip();
  }
}
