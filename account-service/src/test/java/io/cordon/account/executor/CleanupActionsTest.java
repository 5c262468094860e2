package io.cordon.account.executor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.GraphJournal.InnerRequest;
import io.cordon.testsupport.InjectGraphWireMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Actions that remove what an attacker left: OAuth grants, forwarding rules, roles, MFA methods.
 */
@QuarkusTest
@GraphExecutorResources
class CleanupActionsTest {
  @InjectGraphWireMock WireMockServer graph;

  @Test
  void removesGrantsForwardingRulesAndRoleMembershipsButNothingElse() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      String clean = traffic.userId(2);
      String recently = java.time.Instant.now().minusSeconds(3600).toString();
      GraphLists.listThen(
          graph,
          "users/" + victim + "/oauth2PermissionGrants",
          "[{\"id\":\"grant-a\",\"clientId\":\"c1\",\"consentType\":\"Principal\",\"scope\":\"Mail.Read\"},"
              + "{\"id\":\"grant-b\",\"clientId\":\"c2\",\"consentType\":\"Principal\",\"scope\":\"Files.Read\"}]",
          "[]");
      String filing =
          "{\"id\":\"rule-move\",\"displayName\":\"news\",\"actions\":{\"moveToFolder\":\"AAMk\"}}";
      GraphLists.listThen(
          graph,
          "users/" + victim + "/mailFolders/inbox/messageRules",
          "[{\"id\":\"rule-forward\",\"displayName\":\"x\",\"actions\":{\"forwardTo\":[{\"emailAddress\":"
              + "{\"address\":\"drop@attacker.example\"}}]}},"
              + filing
              + "]",
          "[" + filing + "]");
      GraphLists.mailFolders(graph, victim);
      String group =
          "{\"@odata.type\":\"#microsoft.graph.group\",\"id\":\"group-mmx\",\"displayName\":\"MMX Project\"}";
      GraphLists.listThen(
          graph,
          "users/" + victim + "/memberOf",
          "[{\"@odata.type\":\"#microsoft.graph.directoryRole\",\"id\":\"role-ga\","
              + "\"displayName\":\"Global Administrator\"},"
              + group
              + "]",
          "[" + group + "]");
      GraphLists.noRoleAssignments(graph);
      stubList(clean + "/mailFolders/inbox/messageRules", "[]");
      GraphLists.listThen(
          graph,
          "users/" + victim + "/authentication/methods",
          "[{\"@odata.type\":\"#microsoft.graph.passwordAuthenticationMethod\",\"id\":\"pw\"},"
              + "{\"@odata.type\":\"#microsoft.graph.phoneAuthenticationMethod\",\"id\":\"phone-1\","
              + "\"phoneNumber\":\"+81 3 0000 0000\",\"phoneType\":\"mobile\"},"
              + "{\"@odata.type\":\"#microsoft.graph.microsoftAuthenticatorAuthenticationMethod\","
              + "\"id\":\"app-1\",\"displayName\":\"attacker phone\",\"createdDateTime\":\""
              + recently
              + "\"}]",
          "[{\"@odata.type\":\"#microsoft.graph.phoneAuthenticationMethod\",\"id\":\"phone-1\"}]");
      ActionRequested grants = traffic.request(1, ActionType.REVOKE_OAUTH_GRANTS);
      ActionRequested rules = traffic.request(1, ActionType.REMOVE_FORWARDING_RULES);
      ActionRequested roles = traffic.request(1, ActionType.REMOVE_PRIVILEGED_ROLES);
      ActionRequested nothing = traffic.request(2, ActionType.REMOVE_FORWARDING_RULES);
      ActionRequested mfa = traffic.request(1, ActionType.REMOVE_MFA_METHODS);

      traffic.send(List.of(grants, rules, roles, nothing, mfa));
      Map<String, ActionCompleted> done = traffic.awaitCompletions(5, Duration.ofSeconds(90));

      assertThat(done.values())
          .filteredOn(c -> !c.actionId().equals(mfa.actionId()))
          .allMatch(c -> c.outcome() == ActionOutcome.SUCCEEDED);
      assertThat(done.get(grants.actionId()).reasonMessage()).isEqualTo("removed 2");
      assertThat(done.get(rules.actionId()).reasonMessage()).isEqualTo("removed 1");
      assertThat(done.get(nothing.actionId()).reasonMessage()).isEqualTo("nothing to remove");
      List<String> deletions =
          traffic.ownRequests(graph).stream()
              .filter(r -> r.method().equals("DELETE"))
              .map(InnerRequest::url)
              .toList();
      List<String> grantDeletions =
          graphDeletions(graph).stream()
              .filter(u -> u.startsWith("/oauth2PermissionGrants/"))
              .toList();
      assertThat(grantDeletions)
          .containsExactlyInAnyOrder(
              "/oauth2PermissionGrants/grant-a", "/oauth2PermissionGrants/grant-b");
      assertThat(deletions)
          .containsExactlyInAnyOrder(
              "/users/" + victim + "/mailFolders/inbox/messageRules/rule-forward",
              "/directoryRoles/role-ga/members/" + victim + "/$ref",
              "/users/" + victim + "/authentication/microsoftAuthenticatorMethods/app-1");
      // a phone has no creation time in Graph: named for a person, never deleted blindly
      assertThat(done.get(mfa.actionId()).outcome()).isEqualTo(ActionOutcome.REQUIRES_MANUAL);
      assertThat(done.get(mfa.actionId()).reasonCode()).isEqualTo(ReasonCode.NEEDS_REVIEW);
      assertThat(done.get(mfa.actionId()).reasonMessage())
          .startsWith("removed 1")
          .contains("phone method phone-1")
          .doesNotContain("+81");
    }
  }

  /**
   * One clean-up's listing held by Graph holds up neither the containment in its claim nor the
   * other clean-ups: before, a claim's clean-ups ran one after another ahead of its {@code $batch},
   * and a storm's waits added up over the whole claim.
   */
  @Test
  void aHeldCleanUpListingHoldsUpNeitherTheRevokeNorTheOtherCleanUpsOfItsClaim() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String held = traffic.userId(1);
      graph.stubFor(
          get(urlPathEqualTo("/v1.0/users/" + held + "/oauth2PermissionGrants"))
              .willReturn(GraphLists.values("[]").withFixedDelay(HELD_LISTING_MS)));
      stubList(traffic.userId(2) + "/mailFolders/inbox/messageRules", "[]");
      ActionRequested slow = traffic.request(1, ActionType.REVOKE_OAUTH_GRANTS);
      ActionRequested quickCleanUp = traffic.request(2, ActionType.REMOVE_FORWARDING_RULES);
      ActionRequested revoke = traffic.request(3, ActionType.REVOKE_SESSIONS);

      traffic.send(List.of(slow, quickCleanUp, revoke));
      Map<String, ActionCompleted> first = traffic.awaitCompletions(2, Duration.ofSeconds(60));

      assertThat(first).containsOnlyKeys(quickCleanUp.actionId(), revoke.actionId());
      assertThat(first.values()).allMatch(c -> c.outcome() == ActionOutcome.SUCCEEDED);
      assertThat(traffic.awaitCompletions(3, Duration.ofSeconds(60)).get(slow.actionId()))
          .satisfies(c -> assertThat(c.reasonMessage()).isEqualTo("nothing to remove"));
    }
  }

  /**
   * The claiming worker lets go of a clean-up once it has handed it on; the claim must stay alive
   * until the clean-up's verdict anyway, or it runs out and the clean-up is taken over and done
   * twice.
   */
  @Test
  void aCleanUpOutlastingItsLeaseKeepsItsClaimAndIsDoneOnce() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String rules = "/v1.0/users/" + traffic.userId(4) + "/mailFolders/inbox/messageRules";
      int lease =
          (int)
              ConfigProvider.getConfig()
                  .getValue("cordon.executor.claim-lease", Duration.class)
                  .toMillis();
      graph.stubFor(
          get(urlPathEqualTo(rules))
              .willReturn(GraphLists.values("[]").withFixedDelay(lease + lease / 4)));
      ActionRequested cleanUp = traffic.request(4, ActionType.REMOVE_FORWARDING_RULES);

      traffic.send(cleanUp);
      ActionCompleted done =
          traffic.awaitCompletions(1, Duration.ofSeconds(90)).get(cleanUp.actionId());

      assertThat(done.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
      assertThat(done.attempts()).isEqualTo(1);
      assertThat(graph.findAll(getRequestedFor(urlPathEqualTo(rules)))).hasSize(1);
    }
  }

  // long enough that the other two finish first on a loaded machine, within the request timeout
  private static final int HELD_LISTING_MS = 15_000;

  @Test
  void followsGraphsNextLinksAndSkipsAUserWithoutAMailbox() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      String guest = traffic.userId(2);
      String baseUrl = ConfigProvider.getConfig().getValue("cordon.graph.base-url", String.class);
      graph.stubFor(
          get(urlPathEqualTo("/v1.0/users/" + victim + "/oauth2PermissionGrants"))
              .inScenario("grants")
              .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
              .willSetStateTo("listed")
              .willReturn(
                  json(
                      "{\"value\":[{\"id\":\"grant-1\"}],\"@odata.nextLink\":\""
                          + baseUrl
                          + "/users/"
                          + victim
                          + "/oauth2PermissionGrants?$skiptoken=page2\"}")));
      graph.stubFor(
          get(urlPathEqualTo("/v1.0/users/" + victim + "/oauth2PermissionGrants"))
              .inScenario("grants")
              .whenScenarioStateIs("listed")
              .willReturn(json("{\"value\":[]}")));
      graph.stubFor(
          get(urlPathEqualTo("/v1.0/users/" + victim + "/oauth2PermissionGrants"))
              .atPriority(1)
              .withQueryParam("$skiptoken", equalTo("page2"))
              .willReturn(json("{\"value\":[{\"id\":\"grant-101\"}]}")));
      graph.stubFor(
          get(urlPathEqualTo("/v1.0/users/" + guest + "/mailFolders/inbox/messageRules"))
              .willReturn(
                  aResponse()
                      .withStatus(404)
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"error\":{\"code\":\"MailboxNotEnabledForRESTAPI\",\"message\":"
                              + "\"The mailbox is either inactive, soft-deleted, or is hosted"
                              + " on-premise.\"}}")));
      ActionRequested grants = traffic.request(1, ActionType.REVOKE_OAUTH_GRANTS);
      ActionRequested rules = traffic.request(2, ActionType.REMOVE_FORWARDING_RULES);

      traffic.send(List.of(grants, rules));
      Map<String, ActionCompleted> done = traffic.awaitCompletions(2, Duration.ofSeconds(90));

      assertThat(done.get(grants.actionId()).outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
      assertThat(done.get(grants.actionId()).reasonMessage()).isEqualTo("removed 2");
      assertThat(graphDeletions(graph))
          .contains("/oauth2PermissionGrants/grant-1", "/oauth2PermissionGrants/grant-101");
      assertThat(done.get(rules.actionId()).outcome()).isEqualTo(ActionOutcome.SKIPPED);
      assertThat(done.get(rules.actionId()).reasonCode()).isEqualTo(ReasonCode.NOT_APPLICABLE);
    }
  }

  @Test
  void aThrottledDeletionGoesAgainAloneWithoutListingAgain() {
    ExecutorGraph.reset(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      GraphBatchStub.graphBatch()
          .throttle("DELETE", "/oauth2PermissionGrants/grant-b", 1, 429, 503, 204)
          .install(graph);
      GraphLists.listThen(
          graph,
          "users/" + victim + "/oauth2PermissionGrants",
          "[{\"id\":\"grant-a\"},{\"id\":\"grant-b\"},{\"id\":\"grant-c\"}]",
          "[]");
      ActionRequested grants = traffic.request(1, ActionType.REVOKE_OAUTH_GRANTS);

      traffic.send(grants);
      ActionCompleted done =
          traffic.awaitCompletions(1, Duration.ofSeconds(90)).get(grants.actionId());

      assertThat(done.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
      assertThat(done.reasonMessage()).isEqualTo("removed 3");
      // one attempt of the action: the list once (and once more to see the grants gone), grant-b
      // alone twice more
      assertThat(done.attempts()).isEqualTo(1);
      assertThat(
              graph.findAll(
                  com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                      urlPathEqualTo("/v1.0/users/" + victim + "/oauth2PermissionGrants"))))
          .hasSize(2);
      assertThat(graphDeletions(graph))
          .containsExactlyInAnyOrder(
              "/oauth2PermissionGrants/grant-a",
              "/oauth2PermissionGrants/grant-b",
              "/oauth2PermissionGrants/grant-c",
              "/oauth2PermissionGrants/grant-b",
              "/oauth2PermissionGrants/grant-b");
    }
  }

  @Test
  void aRefusedListingReadGoesAgainInPlaceWithoutCostingTheActionAnAttempt() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      String rules = "/v1.0/users/" + victim + "/mailFolders/inbox/messageRules";
      graph.stubFor(
          get(urlPathEqualTo(rules))
              .inScenario("storm")
              .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
              .willReturn(aResponse().withStatus(503))
              .willSetStateTo("throttled"));
      graph.stubFor(
          get(urlPathEqualTo(rules))
              .inScenario("storm")
              .whenScenarioStateIs("throttled")
              .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
              .willSetStateTo("calm"));
      graph.stubFor(
          get(urlPathEqualTo(rules))
              .inScenario("storm")
              .whenScenarioStateIs("calm")
              .willReturn(json("{\"value\":[]}")));
      ActionRequested mailRules = traffic.request(1, ActionType.REMOVE_MAIL_RULES);

      traffic.send(mailRules);
      ActionCompleted done =
          traffic.awaitCompletions(1, Duration.ofSeconds(90)).get(mailRules.actionId());

      assertThat(done.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
      assertThat(done.attempts()).isEqualTo(1);
      assertThat(
              graph.findAll(
                  com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                      urlPathEqualTo(rules))))
          .as("503, 429, then the list, all in one attempt")
          .hasSize(3);
    }
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }

  private static List<String> graphDeletions(WireMockServer graph) {
    return io.cordon.testsupport.GraphJournal.innerRequests(graph).stream()
        .filter(r -> r.method().equals("DELETE"))
        .map(InnerRequest::url)
        .toList();
  }

  private void stubList(String userPath, String values) {
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/users/" + userPath))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"value\":" + values + "}")));
  }
}
