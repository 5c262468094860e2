package io.cordon.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.local.demo.CordonApi;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 26's "done when" over real processes: the graph-simulator serves two tenants — the local
 * stack's demo tenant (jaxa) and a second one (fabrikam) with its own app secret — and
 * account-service is configured with both. One report names accounts of both (jaxa's and two of
 * fabrikam's by UPN, routed by the domains account-service read from each tenant's {@code GET
 * /domains}; two of fabrikam's by object id and tenant id). Fabrikam is throttled hard (70% of its
 * requests, each one inside a $batch on its own, answered 429 with Retry-After), jaxa not at all.
 *
 * <p>What is checked is read from the simulator, which tells tenants by the token a call carried:
 * every account is contained in its own tenant; every call's users belong to the tenant whose token
 * it carried; jaxa got no 429; and jaxa's containment did not wait for fabrikam's — jaxa's last
 * containing call comes before fabrikam's, after fabrikam had already been answered 429 (journal
 * order, no clock).
 */
class MultiTenantContainmentIT {
  // the local stack's simulator tenant (deploy/local ServiceSpecs.SIMULATOR_TENANT)
  static final String JAXA = "9a3f6c2e-5b1d-4e7a-8c0f-3d2b1a0e9f77";
  static final String FABRIKAM = "3c8e1f4a-6d2b-4a9e-b7c5-1e0f2d3c4b5a";
  static final String FABRIKAM_DOMAIN = "fabrikam-sim.example";
  static final String PLAYBOOK = "contain-across-tenants";
  static final String FABRIKAM_STORM =
      "{\"throttleProbability\": 0.7, \"throttleRetryAfterSeconds\": 1,"
          + " \"applyToBatchItems\": true}";
  static final String CALM = "{\"throttleProbability\": 0}";
  private static final Duration WAIT = Duration.ofMinutes(4);
  private static final String PLAYBOOK_YAML =
      """
      name: contain-across-tenants
      description: Ends every session and replaces the password, account by account, in the tenant \
      the account lives in.
      steps:
        - id: revoke-sessions
          action: REVOKE_SESSIONS
          retry: {maxAttempts: 3, backoff: {initial: 1s, max: 5s}}
        - id: reset-password
          action: RESET_PASSWORD
          retry: {maxAttempts: 3, backoff: {initial: 1s, max: 5s}}
      """;

  private static RunningStack running;
  private static List<JsonNode> jaxaAccounts;
  private static List<JsonNode> fabrikamAccounts;
  private static JsonNode intake;
  private static JsonNode report;
  private static JsonNode run;
  private static List<JsonNode> runAccounts;
  private static List<JsonNode> journal;
  private static Map<String, Set<String>> usersByTenant;
  private static long stormStartedAfter;

  @BeforeAll
  static void containAccountsOfTwoTenantsInOneReport() throws Exception {
    // generated per start and given to both sides, never the other tenant's
    String fabrikamSecret = "fabrikam-" + UUID.randomUUID();
    running =
        RunningStack.start(
            "multi-tenant",
            0,
            RunningStack.repositoryRoot(),
            ports -> settings(ports.simulator(), fabrikamSecret));
    awaitFabrikamDomainReadFromGraph();
    jaxaAccounts = members(null, 3);
    fabrikamAccounts = members("fabrikam", 4);
    usersByTenant = Map.of(JAXA, userIds(null), FABRIKAM, userIds("fabrikam"));
    uploadPlaybook();

    // every call so far (start-up reads, the lists above) is before the storm
    stormStartedAfter =
        running
            .api
            .get(running.stack.simulatorUrl().resolve("/_sim/counts"), null)
            .path("total")
            .asLong();
    putFabrikamFaults(FABRIKAM_STORM);
    try {
      String incidentId = "INC-two-tenants-" + System.currentTimeMillis();
      List<Object> entries = new ArrayList<>();
      jaxaAccounts.forEach(a -> entries.add(a.path("userPrincipalName").asText()));
      entries.add(fabrikamAccounts.get(0).path("userPrincipalName").asText());
      entries.add(fabrikamAccounts.get(1).path("userPrincipalName").asText());
      entries.add(
          Map.of("objectId", fabrikamAccounts.get(2).path("id").asText(), "tenantId", FABRIKAM));
      entries.add(
          Map.of("objectId", fabrikamAccounts.get(3).path("id").asText(), "tenantId", FABRIKAM));
      URI reports =
          running.stack.serviceUrl("account-service").resolve("/api/v1/compromise-reports");
      intake =
          running.api.postJson(
              reports,
              running.token("responder"),
              Map.of(
                  "incident", Map.of("id", incidentId, "title", "Two tenants", "severity", "HIGH"),
                  "accounts", entries,
                  "playbook", PLAYBOOK));
      String reportId = intake.path("reportId").asText();
      running.follower.awaitReportSettled(reportId, WAIT);
      report =
          running.api.get(
              running
                  .stack
                  .serviceUrl("account-service")
                  .resolve("/api/v1/compromise-reports/" + reportId + "?limit=100"),
              running.token("viewer"));
      String runId =
          running.follower.awaitRunOfReport(incidentId, reportId, WAIT).path("id").asText();
      run = running.follower.awaitFinalApproving(runId, running.token("approver"), WAIT);
      runAccounts = running.follower.runAccounts(runId);
    } finally {
      putFabrikamFaults(CALM);
    }
    journal = new ArrayList<>();
    running
        .api
        .get(running.stack.simulatorUrl().resolve("/_sim/journal?limit=100000"), null)
        .path("entries")
        .forEach(journal::add);
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
  }

  private static Map<String, Map<String, String>> settings(
      int simulatorPort, String fabrikamSecret) {
    String simulator = "https://localhost:" + simulatorPort;
    Map<String, String> account = new LinkedHashMap<>();
    account.put("cordon.graph.tenants.jaxa.tenant-id", JAXA);
    account.put("cordon.graph.tenants.jaxa.default", "true");
    account.put("cordon.graph.tenants.jaxa.tenant-size", "medium");
    account.put("cordon.graph.tenants.fabrikam.tenant-id", FABRIKAM);
    account.put("cordon.graph.tenants.fabrikam.client-secret", fabrikamSecret);
    account.put("cordon.graph.tenants.fabrikam.tenant-size", "small");
    for (String tenant : List.of("jaxa", "fabrikam")) {
      account.put("cordon.graph.tenants." + tenant + ".base-url", simulator + "/v1.0");
      account.put("cordon.graph.tenants." + tenant + ".authority-host", simulator);
    }
    // 70% refused: each action and each resolution keeps being retried after Retry-After
    account.put("cordon.graph.retry.max-attempts", "40");
    account.put("cordon.graph.retry.resolution-max-attempts", "60");
    Map<String, String> simulatorSettings = new LinkedHashMap<>();
    simulatorSettings.put("sim.tenants.fabrikam.id", FABRIKAM);
    simulatorSettings.put("sim.tenants.fabrikam.domain", FABRIKAM_DOMAIN);
    simulatorSettings.put("sim.tenants.fabrikam.client-secret", fabrikamSecret);
    simulatorSettings.put("sim.tenants.fabrikam.generate-users", "30");
    return Map.of("account-service", account, "graph-simulator", simulatorSettings);
  }

  /** Fabrikam's UPN domain is configured nowhere in account-service: only Graph's list has it. */
  private static void awaitFabrikamDomainReadFromGraph() throws Exception {
    URI tenants = running.stack.serviceUrl("account-service").resolve("/api/v1/tenants");
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      for (JsonNode tenant : running.api.get(tenants, running.token("admin"))) {
        if (tenant.path("name").asText().equals("fabrikam")) {
          for (JsonNode domain : tenant.path("domains")) {
            if (domain.asText().equals(FABRIKAM_DOMAIN)) {
              return;
            }
          }
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("account-service never read fabrikam's domains from Graph");
      }
      Thread.sleep(1000);
    }
  }

  private static JsonNode simulatorUsers(String tenant) throws IOException, InterruptedException {
    return running.api.get(
        running
            .stack
            .simulatorUrl()
            .resolve("/_sim/users" + (tenant == null ? "" : "?tenant=" + tenant)),
        null);
  }

  /** The first {@code count} cloud-only members (no administrators, guests or synced users). */
  private static List<JsonNode> members(String tenant, int count) throws Exception {
    List<JsonNode> members = new ArrayList<>();
    for (JsonNode user : simulatorUsers(tenant)) {
      if (user.path("kind").asText().equals("member") && members.size() < count) {
        members.add(user);
      }
    }
    assertThat(members).as("members of %s", tenant).hasSize(count);
    return members;
  }

  private static Set<String> userIds(String tenant) throws Exception {
    Set<String> ids = new HashSet<>();
    simulatorUsers(tenant).forEach(user -> ids.add(user.path("id").asText()));
    return ids;
  }

  private static void uploadPlaybook() throws Exception {
    URI url = running.stack.serviceUrl("playbook-service").resolve("/api/v1/playbooks/" + PLAYBOOK);
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .header("Authorization", "Bearer " + running.token("admin"))
            .header("Content-Type", "application/yaml")
            .PUT(HttpRequest.BodyPublishers.ofString(PLAYBOOK_YAML))
            .build();
    CordonApi.expectSuccess(running.api.send(request), url);
  }

  private static void putFabrikamFaults(String json) throws Exception {
    URI url = running.stack.simulatorUrl().resolve("/_sim/faults?tenant=fabrikam");
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build();
    CordonApi.expectSuccess(running.api.send(request), url);
  }

  private static JsonNode simulatorUser(String tenant, String id) throws Exception {
    return running.api.get(
        running
            .stack
            .simulatorUrl()
            .resolve(
                "/_sim/users/"
                    + id
                    + "?tenant="
                    + URLEncoder.encode(tenant, StandardCharsets.UTF_8)),
        null);
  }

  @Test
  void everyEntryIsRoutedToItsTenant() {
    assertThat(intake.path("rejected")).as("rejected entries").isEmpty();
    assertThat(intake.path("accepted").asInt()).isEqualTo(7);
    Map<String, String> tenantOf = new HashMap<>();
    for (JsonNode account : report.path("accounts").path("items")) {
      tenantOf.put(account.path("objectId").asText(), account.path("tenantName").asText());
    }
    jaxaAccounts.forEach(a -> assertThat(tenantOf).containsEntry(a.path("id").asText(), "jaxa"));
    fabrikamAccounts.forEach(
        a -> assertThat(tenantOf).containsEntry(a.path("id").asText(), "fabrikam"));
  }

  @Test
  void everyAccountOfBothTenantsEndsContainedInItsOwnTenant() throws Exception {
    assertThat(run.path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(runAccounts).hasSize(jaxaAccounts.size() + fabrikamAccounts.size());
    for (JsonNode account : runAccounts) {
      for (JsonNode step : account.path("steps")) {
        assertThat(step.path("state").asText())
            .as("%s %s", account.path("userPrincipalName").asText(), step.path("stepId").asText())
            .isEqualTo("SUCCEEDED");
      }
    }
    for (JsonNode account : jaxaAccounts) {
      assertContained(simulatorUser(JAXA, account.path("id").asText()));
    }
    for (JsonNode account : fabrikamAccounts) {
      assertContained(simulatorUser(FABRIKAM, account.path("id").asText()));
    }
  }

  private static void assertContained(JsonNode user) {
    assertThat(user.path("sessionRevocationCount").asInt())
        .as("%s sessions revoked", user.path("userPrincipalName").asText())
        .isPositive();
    assertThat(user.path("passwordChangeCount").asInt())
        .as("%s password replaced", user.path("userPrincipalName").asText())
        .isPositive();
  }

  @Test
  void everyGraphCallConcernsOnlyUsersOfTheTenantWhoseTokenItCarried() {
    Map<String, Integer> calls = new HashMap<>();
    for (JsonNode entry : journal) {
      String tenant = entry.path("tenantId").asText();
      assertThat(entry.path("cause").asText())
          .as("entry %s", entry)
          .isNotEqualTo("unauthenticated");
      assertThat(usersByTenant).as("entry %s", entry).containsKey(tenant);
      for (JsonNode user : entry.path("userIds")) {
        assertThat(usersByTenant.get(tenant))
            .as("a call with %s's token concerns %s: %s", tenant, user.asText(), entry)
            .contains(user.asText());
      }
      calls.merge(tenant, 1, Integer::sum);
    }
    assertThat(calls).containsKeys(JAXA, FABRIKAM);
    // each tenant's verified domains were read with its own token
    assertThat(journal)
        .filteredOn(
            e -> e.path("action").asText().equals("listDomains") && e.path("status").asInt() == 200)
        .extracting(e -> e.path("tenantId").asText())
        .contains(JAXA, FABRIKAM);
  }

  @Test
  void theUnthrottledTenantIsContainedWithoutWaitingForTheThrottledOne() {
    List<JsonNode> jaxa = ofTenant(JAXA);
    List<JsonNode> fabrikam = ofTenant(FABRIKAM);
    assertThat(jaxa).filteredOn(e -> e.path("status").asInt() == 429).as("429s for jaxa").isEmpty();
    long fabrikamThrottled = fabrikam.stream().filter(e -> e.path("status").asInt() == 429).count();
    // requests in the storm, each inside a $batch on its own (the envelope is never refused)
    List<JsonNode> stormRequests =
        fabrikam.stream()
            .filter(e -> e.path("seq").asLong() > stormStartedAfter)
            .filter(e -> !e.path("action").asText().equals("batch"))
            .toList();
    assertThat(fabrikamThrottled)
        .as("429s among fabrikam's %d requests in the storm", stormRequests.size())
        .isGreaterThanOrEqualTo(Math.max(fabrikamAccounts.size(), stormRequests.size() * 4 / 10));

    long jaxaContained = lastContainingCall(jaxa, jaxaAccounts);
    long fabrikamContained = lastContainingCall(fabrikam, fabrikamAccounts);
    System.out.printf(
        "FIGURES two tenants: jaxa %d calls, last containing call #%d; fabrikam %d calls, %d"
            + " requests in the storm (%d answered 429), last containing call #%d%n",
        jaxa.size(),
        jaxaContained,
        fabrikam.size(),
        stormRequests.size(),
        fabrikamThrottled,
        fabrikamContained);
    assertThat(jaxaContained)
        .as("jaxa's last containing call comes before fabrikam's")
        .isLessThan(fabrikamContained);
    assertThat(fabrikam)
        .as("fabrikam was being throttled before jaxa was contained")
        .anyMatch(e -> e.path("status").asInt() == 429 && e.path("seq").asLong() < jaxaContained);
    assertThat(fabrikam)
        .as("fabrikam accounts still waited for containment once jaxa's were contained")
        .anyMatch(
            e ->
                e.path("effective").asBoolean()
                    && e.path("seq").asLong() > jaxaContained
                    && concerns(e, fabrikamAccounts));
  }

  private static List<JsonNode> ofTenant(String tenantId) {
    return journal.stream().filter(e -> e.path("tenantId").asText().equals(tenantId)).toList();
  }

  /** The journal position of the last call that changed one of {@code accounts}. */
  private static long lastContainingCall(List<JsonNode> entries, List<JsonNode> accounts) {
    return entries.stream()
        .filter(e -> e.path("effective").asBoolean() && concerns(e, accounts))
        .mapToLong(e -> e.path("seq").asLong())
        .max()
        .orElseThrow(() -> new AssertionError("no containing call for " + accounts));
  }

  private static boolean concerns(JsonNode entry, List<JsonNode> accounts) {
    for (JsonNode user : entry.path("userIds")) {
      for (JsonNode account : accounts) {
        if (account.path("id").asText().equals(user.asText())) {
          return true;
        }
      }
    }
    return false;
  }
}
