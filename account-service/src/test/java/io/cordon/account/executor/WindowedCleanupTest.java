package io.cordon.account.executor;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cordon.account.repository.ActionLedgerEntity;
import io.cordon.account.repository.CompromiseReportEntity;
import io.cordon.account.repository.ReportAccountEntity;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.testsupport.GraphBatchStub;
import io.cordon.testsupport.GraphJournal;
import io.cordon.testsupport.GraphJournal.InnerRequest;
import io.cordon.testsupport.InjectGraphWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The compromise window of the cleanup actions, the complete removal of privileged roles, and the
 * mail rule action (docs/playbooks.md "Compromise window").
 */
@QuarkusTest
@GraphExecutorResources
class WindowedCleanupTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @InjectGraphWireMock WireMockServer graph;

  @Test
  void mfaMethodsRegisteredSinceFirstSeenGoOlderAreListedUndatedNeedAPerson() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      Instant firstSeen = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
      reported(victim, firstSeen, null);
      String old = Instant.now().minus(200, ChronoUnit.DAYS).toString();
      String recent = Instant.now().minus(1, ChronoUnit.DAYS).toString();
      GraphLists.listThen(
          graph,
          "users/" + victim + "/authentication/methods",
          "["
              + method("microsoftAuthenticator", "app-old", old)
              + ","
              + method("fido2", "key-new", recent)
              + ","
              + method("microsoftAuthenticator", "app-new", recent)
              + ","
              + method("email", "email-1", null)
              + "]",
          "["
              + method("microsoftAuthenticator", "app-old", old)
              + ","
              + method("email", "email-1", null)
              + "]");
      ActionRequested mfa = traffic.request(1, ActionType.REMOVE_MFA_METHODS);

      traffic.send(mfa);
      ActionCompleted done = traffic.awaitCompletions(1, WAIT).get(mfa.actionId());

      assertThat(deletions(traffic))
          .containsExactlyInAnyOrder(
              "/users/" + victim + "/authentication/fido2Methods/key-new",
              "/users/" + victim + "/authentication/microsoftAuthenticatorMethods/app-new");
      assertThat(done.outcome()).isEqualTo(ActionOutcome.REQUIRES_MANUAL);
      assertThat(done.reasonCode()).isEqualTo(ReasonCode.NEEDS_REVIEW);
      assertThat(done.reasonMessage())
          .startsWith("removed 2")
          .contains("kept, added before the compromise window (" + firstSeen + ", FIRST_SEEN)")
          .contains("microsoftAuthenticator method app-old")
          .contains("check by hand: email method email-1 (no creation time in Graph)");
      ActionLedgerEntity row =
          QuarkusTransaction.requiringNew()
              .call(() -> ActionLedgerEntity.<ActionLedgerEntity>findById(mfa.actionId()));
      assertThat(row.windowStart).isEqualTo(firstSeen);
      assertThat(row.windowSource).isEqualTo("FIRST_SEEN");
    }
  }

  @Test
  void withoutEvidenceTheWindowIsTheLookBackAndAllInsideItGoes() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      String recent = Instant.now().minus(3, ChronoUnit.DAYS).toString();
      String old = Instant.now().minus(31, ChronoUnit.DAYS).toString();
      GraphLists.listThen(
          graph,
          "users/" + victim + "/authentication/methods",
          "["
              + method("microsoftAuthenticator", "app-new", recent)
              + ","
              + method("windowsHelloForBusiness", "whfb-old", old)
              + "]",
          "[" + method("windowsHelloForBusiness", "whfb-old", old) + "]");
      ActionRequested mfa = traffic.request(1, ActionType.REMOVE_MFA_METHODS);

      traffic.send(mfa);
      ActionCompleted done = traffic.awaitCompletions(1, WAIT).get(mfa.actionId());

      assertThat(done.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
      assertThat(done.reasonMessage())
          .startsWith("removed 1; kept")
          .contains("LOOK_BACK")
          .contains("windowsHelloForBusiness method whfb-old");
      assertThat(deletions(traffic))
          .containsExactly(
              "/users/" + victim + "/authentication/microsoftAuthenticatorMethods/app-new");
    }
  }

  @Test
  void aDefaultMethodGraphWillNotDeleteWhileOthersRemainIsNamedForAPerson() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch()
        .fail(
            "DELETE",
            "/microsoftAuthenticatorMethods/app-default",
            400,
            "badRequest",
            "Cannot delete default method with other methods configured. Please change default"
                + " method before deletion.")
        .install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      String recent = Instant.now().minus(1, ChronoUnit.DAYS).toString();
      String old = Instant.now().minus(90, ChronoUnit.DAYS).toString();
      String remaining =
          method("microsoftAuthenticator", "app-default", recent)
              + ","
              + method("fido2", "key-old", old);
      GraphLists.listThen(
          graph,
          "users/" + victim + "/authentication/methods",
          "[" + method("softwareOath", "oath-1", recent) + "," + remaining + "]",
          "[" + remaining + "]");
      ActionRequested mfa = traffic.request(1, ActionType.REMOVE_MFA_METHODS);

      traffic.send(mfa);
      ActionCompleted done = traffic.awaitCompletions(1, WAIT).get(mfa.actionId());

      assertThat(done.outcome()).isEqualTo(ActionOutcome.REQUIRES_MANUAL);
      assertThat(done.reasonMessage())
          .startsWith("removed 1")
          .contains("default method")
          .contains("microsoftAuthenticator method app-default");
      // tried with the others, then once more alone after them
      assertThat(deletions(traffic)).filteredOn(u -> u.endsWith("/app-default")).hasSize(2);
    }
  }

  @Test
  void privilegedRolesGoEveryWayTheyAreHeld() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      String ga = "62e90394-69f5-4237-9190-012177145e10";
      String ua = "fe930be7-5e62-47db-91af-98c3a49a38b1";
      GraphLists.listThen(
          graph,
          "roleManagement/directory/roleEligibilitySchedules",
          "[{\"id\":\"e1\",\"principalId\":\""
              + victim
              + "\",\"roleDefinitionId\":\""
              + ga
              + "\",\"directoryScopeId\":\"/\",\"memberType\":\"Direct\",\"status\":\"Provisioned\"},"
              + "{\"id\":\"e2\",\"principalId\":\""
              + victim
              + "\",\"roleDefinitionId\":\""
              + ua
              + "\",\"directoryScopeId\":\"/\",\"memberType\":\"Group\",\"status\":\"Provisioned\"}]",
          "[]");
      GraphLists.listThen(
          graph,
          "roleManagement/directory/roleAssignmentSchedules",
          "[{\"id\":\"a1\",\"principalId\":\""
              + victim
              + "\",\"roleDefinitionId\":\""
              + ua
              + "\",\"directoryScopeId\":\"/administrativeUnits/au-1\",\"memberType\":\"Direct\","
              + "\"assignmentType\":\"Assigned\",\"status\":\"Provisioned\"}]",
          "[]");
      GraphLists.listThen(
          graph,
          "roleManagement/directory/roleAssignments",
          "[{\"id\":\"ra-1\",\"principalId\":\""
              + victim
              + "\",\"roleDefinitionId\":\""
              + ua
              + "\",\"directoryScopeId\":\"/\"}]",
          "[]");
      String ordinary =
          "{\"@odata.type\":\"#microsoft.graph.group\",\"id\":\"group-mmx\","
              + "\"displayName\":\"MMX Project\",\"isAssignableToRole\":false}";
      GraphLists.listThen(
          graph,
          "users/" + victim + "/memberOf",
          "[{\"@odata.type\":\"#microsoft.graph.group\",\"id\":\"group-admins\","
              + "\"displayName\":\"Tier 0 admins\",\"isAssignableToRole\":true},"
              + ordinary
              + "]",
          "[" + ordinary + "]");
      ActionRequested roles = traffic.request(1, ActionType.REMOVE_PRIVILEGED_ROLES);

      traffic.send(roles);
      ActionCompleted done = traffic.awaitCompletions(1, WAIT).get(roles.actionId());

      assertThat(done.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
      assertThat(done.reasonMessage()).isEqualTo("removed 4");
      // the role assignment's URL names only the assignment: every request of this test counts
      List<InnerRequest> own = GraphJournal.innerRequests(graph);
      assertThat(own.stream().filter(r -> r.method().equals("DELETE")).map(InnerRequest::url))
          .containsExactlyInAnyOrder(
              "/roleManagement/directory/roleAssignments/ra-1",
              "/groups/group-admins/members/" + victim + "/$ref");
      List<InnerRequest> requests = own.stream().filter(r -> r.method().equals("POST")).toList();
      assertThat(requests)
          .extracting(InnerRequest::url)
          .containsExactlyInAnyOrder(
              "/roleManagement/directory/roleEligibilityScheduleRequests",
              "/roleManagement/directory/roleAssignmentScheduleRequests");
      assertThat(requests)
          .allSatisfy(
              r -> {
                assertThat(r.body().path("action").asText()).isEqualTo("adminRemove");
                assertThat(r.body().path("principalId").asText()).isEqualTo(victim);
                assertThat(r.body().path("justification").asText()).isNotBlank();
              });
      assertThat(requests)
          .extracting(r -> r.body().path("directoryScopeId").asText())
          .containsExactlyInAnyOrder("/", "/administrativeUnits/au-1");
    }
  }

  @Test
  void neverSucceedsWhileAPrivilegedRoleRemains() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      String stuck =
          "[{\"id\":\"ra-9\",\"principalId\":\""
              + victim
              + "\",\"roleDefinitionId\":\"62e90394-69f5-4237-9190-012177145e10\"}]";
      GraphLists.list(graph, "roleManagement/directory/roleAssignments", stuck);
      GraphLists.list(graph, "roleManagement/directory/roleEligibilitySchedules", "[]");
      GraphLists.list(graph, "roleManagement/directory/roleAssignmentSchedules", "[]");
      GraphLists.list(graph, "users/" + victim + "/memberOf", "[]");
      ActionRequested roles = traffic.request(1, ActionType.REMOVE_PRIVILEGED_ROLES);

      traffic.send(roles);
      ActionCompleted done = traffic.awaitCompletions(1, WAIT).get(roles.actionId());

      assertThat(done.outcome()).isNotEqualTo(ActionOutcome.SUCCEEDED);
      assertThat(done.reasonMessage()).contains("Graph still lists role assignment");
    }
  }

  @Test
  void mailRulesThatForwardOrHideGoFilingRulesStay() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      String filing =
          "{\"id\":\"r-filing\",\"displayName\":\"Invoices\",\"conditions\":{\"subjectContains\":"
              + "[\"invoice\"]},\"actions\":{\"moveToFolder\":\"AAMkInvoices\"}}";
      String fromBoss =
          "{\"id\":\"r-from\",\"displayName\":\"Newsletter\",\"conditions\":{\"fromAddresses\":"
              + "[{\"emailAddress\":{\"address\":\"news@example.com\"}}]},\"actions\":{\"delete\":true}}";
      GraphLists.listThen(
          graph,
          "users/" + victim + "/mailFolders/inbox/messageRules",
          "["
              + "{\"id\":\"r-redirect\",\"displayName\":\".\",\"actions\":{\"redirectTo\":"
              + "[{\"emailAddress\":{\"address\":\"x@attacker.example\"}}]}},"
              + "{\"id\":\"r-delete\",\"displayName\":\"..\",\"conditions\":{\"bodyOrSubjectContains\":"
              + "[\"wire\",\"payment\"]},\"actions\":{\"delete\":true,\"stopProcessingRules\":true}},"
              + "{\"id\":\"r-rss\",\"displayName\":\"...\",\"conditions\":{\"senderContains\":"
              + "[\"it-security\"]},\"actions\":{\"moveToFolder\":\"AAMkRss\"}},"
              + "{\"id\":\"r-read\",\"displayName\":\"all read\",\"actions\":{\"markAsRead\":true}},"
              + filing
              + ","
              + fromBoss
              + "]",
          "[" + filing + "," + fromBoss + "]");
      graph.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.get(
                  urlPathEqualTo("/v1.0/users/" + victim + "/mailFolders/deleteditems"))
              .willReturn(
                  com.github.tomakehurst.wiremock.client.WireMock.okJson(
                      "{\"id\":\"AAMkDeleted\"}")));
      graph.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.get(
                  urlPathEqualTo("/v1.0/users/" + victim + "/mailFolders/archive"))
              .willReturn(
                  com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                      .withStatus(404)
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"error\":{\"code\":\"ErrorFolderNotFound\",\"message\":\"The"
                              + " specified folder could not be found in the store.\"}}")));
      graph.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.get(
                  urlPathEqualTo("/v1.0/users/" + victim + "/mailFolders/junkemail"))
              .willReturn(
                  com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"id\":\"AAMkJunk\"}")));
      GraphLists.list(
          graph,
          "users/" + victim + "/mailFolders",
          "[{\"id\":\"AAMkRss\",\"displayName\":\"RSS Subscriptions\"}]");
      ActionRequested rules = traffic.request(1, ActionType.REMOVE_MAIL_RULES);

      traffic.send(rules);
      ActionCompleted done = traffic.awaitCompletions(1, WAIT).get(rules.actionId());

      assertThat(done.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
      assertThat(done.reasonMessage()).isEqualTo("removed 4");
      String prefix = "/users/" + victim + "/mailFolders/inbox/messageRules/";
      assertThat(deletions(traffic))
          .containsExactlyInAnyOrder(
              prefix + "r-redirect", prefix + "r-delete", prefix + "r-rss", prefix + "r-read");

      // a redelivered request is answered from the ledger: no listing, no deletion again
      int listings =
          graph
              .findAll(
                  getRequestedFor(
                      urlPathEqualTo("/v1.0/users/" + victim + "/mailFolders/inbox/messageRules")))
              .size();
      long answers = traffic.completionMessages();
      traffic.send(rules);
      org.awaitility.Awaitility.await()
          .atMost(WAIT)
          .until(() -> traffic.completionMessages() > answers);
      assertThat(
              graph.findAll(
                  getRequestedFor(
                      urlPathEqualTo("/v1.0/users/" + victim + "/mailFolders/inbox/messageRules"))))
          .hasSize(listings);
      assertThat(deletions(traffic)).hasSize(4);
    }
  }

  @Test
  void aRuleMovingMailToAFolderTheAppCannotReadIsLeftForAPerson() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      GraphLists.list(
          graph,
          "users/" + victim + "/mailFolders/inbox/messageRules",
          "[{\"id\":\"r-move\",\"displayName\":\"payroll\",\"conditions\":{\"subjectContains\":"
              + "[\"payroll\"]},\"actions\":{\"moveToFolder\":\"AAMkSomewhere\"}}]");
      graph.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.get(
                  com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                      "/v1.0/users/" + victim + "/mailFolders(/(deleteditems|archive|junkemail))?"))
              .willReturn(
                  com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                      .withStatus(403)
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"Access is"
                              + " denied. Check credentials and try again.\"}}")));
      ActionRequested rules = traffic.request(1, ActionType.REMOVE_MAIL_RULES);

      traffic.send(rules);
      ActionCompleted done = traffic.awaitCompletions(1, WAIT).get(rules.actionId());

      assertThat(done.outcome()).isEqualTo(ActionOutcome.REQUIRES_MANUAL);
      assertThat(done.reasonMessage())
          .startsWith("nothing to remove; check by hand: inbox rule \"payroll\"")
          .contains("Mail.ReadBasic.All");
      assertThat(deletions(traffic)).isEmpty();
    }
  }

  @Test
  void theOldForwardingRuleActionRunsAsTheMailRuleAction() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      GraphLists.listThen(
          graph,
          "users/" + victim + "/mailFolders/inbox/messageRules",
          "[{\"id\":\"r-hide\",\"displayName\":\"x\",\"conditions\":{\"subjectContains\":"
              + "[\"suspicious sign-in\"]},\"actions\":{\"permanentDelete\":true}}]",
          "[]");
      ActionRequested rules = traffic.request(1, ActionType.REMOVE_FORWARDING_RULES);

      traffic.send(rules);
      ActionCompleted done = traffic.awaitCompletions(1, WAIT).get(rules.actionId());

      assertThat(done.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
      assertThat(deletions(traffic))
          .containsExactly("/users/" + victim + "/mailFolders/inbox/messageRules/r-hide");
    }
  }

  @Test
  void aDetectionsActivityTimeStartsTheWindowWhenNoFirstSeenIsKnown() {
    ExecutorGraph.reset(graph);
    GraphBatchStub.graphBatch().install(graph);
    try (ActionTraffic traffic = new ActionTraffic()) {
      String victim = traffic.userId(1);
      Instant activity = Instant.now().minus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
      reported(victim, null, activity);
      String before = Instant.now().minus(1, ChronoUnit.DAYS).toString();
      String after = Instant.now().minus(1, ChronoUnit.HOURS).toString();
      GraphLists.listThen(
          graph,
          "users/" + victim + "/authentication/methods",
          "["
              + method("fido2", "key-before", before)
              + ","
              + method("fido2", "key-after", after)
              + "]",
          "[" + method("fido2", "key-before", before) + "]");
      ActionRequested mfa = traffic.request(1, ActionType.REMOVE_MFA_METHODS);

      traffic.send(mfa);
      ActionCompleted done = traffic.awaitCompletions(1, WAIT).get(mfa.actionId());

      assertThat(done.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
      assertThat(done.reasonMessage()).contains("(" + activity + ", ACTIVITY)");
      assertThat(deletions(traffic))
          .containsExactly("/users/" + victim + "/authentication/fido2Methods/key-after");
    }
  }

  private List<String> deletions(ActionTraffic traffic) {
    return GraphJournal.innerRequests(graph).stream()
        .filter(r -> r.method().equals("DELETE") && traffic.concernsThisRun(r.url()))
        .map(InnerRequest::url)
        .toList();
  }

  private static String method(String type, String id, String created) {
    return "{\"@odata.type\":\"#microsoft.graph."
        + type
        + "AuthenticationMethod\",\"id\":\""
        + id
        + "\""
        + (created == null ? "" : ",\"createdDateTime\":\"" + created + "\"")
        + "}";
  }

  /** A report received an hour ago that named the account with this evidence. */
  private static void reported(String objectId, Instant firstSeen, Instant activity) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              CompromiseReportEntity report = new CompromiseReportEntity();
              report.id = UUID.randomUUID();
              report.incidentId = "INC-" + report.id;
              report.severity = "HIGH";
              report.source = "API";
              report.reportedBy = "soc@jaxa.example";
              report.receivedAt = Instant.now().minus(1, ChronoUnit.HOURS);
              report.status = "PUBLISHED";
              report.persist();
              ReportAccountEntity account = new ReportAccountEntity();
              account.id = UUID.randomUUID();
              account.reportId = report.id;
              account.position = 0;
              account.identifierKind = "OBJECT_ID";
              account.identifier = objectId;
              account.objectId = objectId;
              account.resolution = "RESOLVED";
              account.firstSeenAt = firstSeen;
              account.activityAt = activity;
              account.nextAttemptAt = Instant.now();
              account.persist();
            });
  }
}
