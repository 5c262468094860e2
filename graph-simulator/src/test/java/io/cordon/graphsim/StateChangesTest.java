package io.cordon.graphsim;

import static io.cordon.graphsim.SimTestClient.graph;
import static io.cordon.graphsim.SimTestClient.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.cordon.graphsim.seed.TenantGenerator;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every remediation endpoint changes state as Graph would, and refuses what Graph refuses. */
@QuarkusTest
class StateChangesTest {
  static final String MEMBER = id(0); // PSR member, benign inbox rule and grant
  static final String SYNCED = id(1);
  static final String SUSPICIOUS_GRANT_HOLDER = id(2);
  static final String ADMIN = id(3); // Global Administrator
  static final String FORWARDER = id(4);
  static final String GUEST = id(6);

  static String id(int index) {
    return TenantGenerator.userId(SimTestClient.DOMAIN, index);
  }

  @BeforeEach
  void reset() {
    SimTestClient.reset();
  }

  private static Map<String, Object> state(String user) {
    return sim().get("/_sim/users/" + user).then().statusCode(200).extract().jsonPath().getMap("");
  }

  @Test
  void readsUsersByIdOrUpnWithSelect() {
    String upn = (String) state(MEMBER).get("userPrincipalName");
    graph().get("/users/" + upn).then().statusCode(200).body("id", equalTo(MEMBER));
    graph()
        .queryParam("$select", "id,userType,onPremisesSyncEnabled,accountEnabled")
        .get("/users/" + SYNCED)
        .then()
        .statusCode(200)
        .body("onPremisesSyncEnabled", equalTo(true))
        .body("userType", equalTo("Member"));
    graph()
        .queryParam("$select", "id,shoeSize")
        .get("/users/" + MEMBER)
        .then()
        .statusCode(400)
        .body("error.message", containsString("shoeSize"));
  }

  @Test
  void unknownUserIs404InGraphsErrorFormat() {
    graph()
        .get("/users/nobody@" + SimTestClient.DOMAIN)
        .then()
        .statusCode(404)
        .body("error.code", equalTo("Request_ResourceNotFound"))
        .body("error.innerError.request-id", notNullValue())
        .body("error.innerError.date", notNullValue());
  }

  @Test
  void transitiveMembershipIncludesNestedGroupsAndRoles() {
    graph()
        .get("/users/" + MEMBER + "/transitiveMemberOf")
        .then()
        .statusCode(200)
        .body("value.displayName", hasItem(TenantGenerator.PSR))
        .body("value.displayName", hasItem(TenantGenerator.DIRECTORATE));
    graph()
        .get("/users/" + MEMBER + "/memberOf")
        .then()
        .statusCode(200)
        .body("value.displayName", org.hamcrest.Matchers.not(hasItem(TenantGenerator.DIRECTORATE)));
    graph()
        .get("/users/" + ADMIN + "/transitiveMemberOf")
        .then()
        .statusCode(200)
        .body("value.'@odata.type'", hasItem("#microsoft.graph.directoryRole"))
        .body("value.displayName", hasItem("Global Administrator"));
  }

  @Test
  void revokeSignInSessionsMovesValidFromAndCounts() {
    String before = (String) state(MEMBER).get("signInSessionsValidFromDateTime");
    graph()
        .post("/users/" + MEMBER + "/revokeSignInSessions")
        .then()
        .statusCode(200)
        .body("value", equalTo(true));
    Map<String, Object> after = state(MEMBER);
    assertThat(after.get("sessionRevocationCount")).isEqualTo(1);
    assertThat(after.get("signInSessionsValidFromDateTime")).isNotEqualTo(before);
  }

  @Test
  void effectTimesComeBackInGraphsWholeSecondsWithGraphsDateOnEveryAnswer() {
    graph().post("/users/" + MEMBER + "/revokeSignInSessions").then().statusCode(200);
    patch(MEMBER, "{\"passwordProfile\":{\"password\":\"Str0ng!Passw0rd#2024xyz\"}}")
        .then()
        .statusCode(204);

    var answer =
        graph()
            .queryParam("$select", "id,signInSessionsValidFromDateTime,lastPasswordChangeDateTime")
            .get("/users/" + MEMBER)
            .then()
            .statusCode(200)
            .extract();

    String wholeSeconds = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";
    assertThat(answer.path("signInSessionsValidFromDateTime").toString()).matches(wholeSeconds);
    assertThat(answer.path("lastPasswordChangeDateTime").toString()).matches(wholeSeconds);
    java.time.Instant date =
        java.time.ZonedDateTime.parse(
                answer.header("Date"), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant();
    assertThat(date)
        .isCloseTo(java.time.Instant.now(), within(5, java.time.temporal.ChronoUnit.SECONDS));
  }

  @Test
  void passwordResetValidatesComplexityAndRefusesSyncedUsers() {
    patch(MEMBER, "{\"passwordProfile\":{\"password\":\"password\"}}")
        .then()
        .statusCode(400)
        .body("error.message", containsString("password complexity"));
    patch(SYNCED, "{\"passwordProfile\":{\"password\":\"Str0ng!Passw0rd#2024xyz\"}}")
        .then()
        .statusCode(400)
        .body("error.code", equalTo("Request_BadRequest"))
        .body("error.message", containsString("on-premises mastered Directory Sync objects"));
    patch(
            MEMBER,
            "{\"passwordProfile\":{\"password\":\"Str0ng!Passw0rd#2024xyz\",\"forceChangePasswordNextSignIn\":true}}")
        .then()
        .statusCode(204);
    assertThat(state(MEMBER).get("passwordChangeCount")).isEqualTo(1);
    assertThat(state(SYNCED).get("passwordChangeCount")).isEqualTo(0);
  }

  @Test
  void accountEnabledIsValidatedAndApplied() {
    patch(MEMBER, "{\"accountEnabled\":\"no\"}").then().statusCode(400);
    patch(MEMBER, "{\"shoeSize\":42}")
        .then()
        .statusCode(400)
        .body("error.message", containsString("shoeSize"));
    patch(MEMBER, "{not json").then().statusCode(400);
    patch(MEMBER, "{\"accountEnabled\":false}").then().statusCode(204);
    assertThat(state(MEMBER).get("accountEnabled")).isEqualTo(false);
    graph()
        .queryParam("$select", "accountEnabled")
        .get("/users/" + MEMBER)
        .then()
        .body("accountEnabled", equalTo(false));
  }

  @Test
  void confirmCompromisedMarksEveryListedUser() {
    // three Identity Protection calls in a row would meet its 1 per second limit
    sim()
        .contentType("application/json")
        .body("{\"enabled\":false}")
        .put("/_sim/throttle")
        .then()
        .statusCode(200);
    post("/identityProtection/riskyUsers/confirmCompromised", "{\"userIds\":[]}")
        .then()
        .statusCode(400);
    post("/identityProtection/riskyUsers/confirmCompromised", "{\"userIds\":[\"not-a-guid\"]}")
        .then()
        .statusCode(400);
    post(
            "/identityProtection/riskyUsers/confirmCompromised",
            "{\"userIds\":[\"" + MEMBER + "\",\"" + GUEST + "\"]}")
        .then()
        .statusCode(204);
    graph()
        .get("/identityProtection/riskyUsers/" + MEMBER)
        .then()
        .statusCode(200)
        .body("riskState", equalTo("confirmedCompromised"));
    assertThat(((Map<?, ?>) state(GUEST).get("risk")).get("state"))
        .isEqualTo("confirmedCompromised");
  }

  @Test
  void confirmingAnAlreadyConfirmedUserChangesNothing() {
    sim()
        .contentType("application/json")
        .body("{\"enabled\":false}")
        .put("/_sim/throttle")
        .then()
        .statusCode(200);
    String body = "{\"userIds\":[\"" + MEMBER + "\"]}";
    post("/identityProtection/riskyUsers/confirmCompromised", body).then().statusCode(204);
    post("/identityProtection/riskyUsers/confirmCompromised", body).then().statusCode(204);

    sim()
        .queryParam("user", MEMBER)
        .queryParam("action", "confirmCompromised")
        .queryParam("effective", true)
        .get("/_sim/journal")
        .then()
        .statusCode(200)
        .body("count", equalTo(1));
  }

  @Test
  void grantsAreListedAndDeleted() {
    List<String> grants =
        graph()
            .get("/users/" + SUSPICIOUS_GRANT_HOLDER + "/oauth2PermissionGrants")
            .then()
            .statusCode(200)
            .body("value.clientId", hasItem(TenantGenerator.SUSPICIOUS_APP_ID))
            .extract()
            .path("value.id");
    for (String grant : grants) {
      graph().delete("/oauth2PermissionGrants/" + grant).then().statusCode(204);
      graph().delete("/oauth2PermissionGrants/" + grant).then().statusCode(404);
    }
    assertThat((List<?>) state(SUSPICIOUS_GRANT_HOLDER).get("oauth2PermissionGrants")).isEmpty();
  }

  @Test
  void inboxRulesAreListedAndDeletedAndGuestsHaveNoMailbox() {
    List<String> rules =
        graph()
            .get("/users/" + FORWARDER + "/mailFolders/inbox/messageRules")
            .then()
            .statusCode(200)
            .body(
                "value.actions.forwardTo.flatten().emailAddress.address",
                hasItem(TenantGenerator.EXFIL_ADDRESS))
            .extract()
            .path("value.id");
    graph()
        .delete("/users/" + FORWARDER + "/mailFolders/inbox/messageRules/" + rules.get(0))
        .then()
        .statusCode(204);
    graph()
        .delete("/users/" + FORWARDER + "/mailFolders/inbox/messageRules/" + rules.get(0))
        .then()
        .statusCode(404);
    assertThat((List<?>) state(FORWARDER).get("messageRules")).hasSize(rules.size() - 1);
    graph()
        .get("/users/" + GUEST + "/mailFolders/inbox/messageRules")
        .then()
        .statusCode(404)
        .body("error.code", equalTo("MailboxNotEnabledForRESTAPI"));
  }

  @Test
  void authenticationMethodsAreDeletedByTheirKind() {
    String user = null;
    String phone = null;
    for (int i = 0; i < 60 && phone == null; i++) {
      List<Map<String, Object>> methods =
          graph()
              .get("/users/" + id(i) + "/authentication/methods")
              .then()
              .statusCode(200)
              .extract()
              .path("value");
      for (Map<String, Object> method : methods) {
        if ("#microsoft.graph.phoneAuthenticationMethod".equals(method.get("@odata.type"))) {
          user = id(i);
          phone = (String) method.get("id");
        }
      }
    }
    assertThat(phone).isNotNull();
    graph()
        .delete("/users/" + user + "/authentication/fido2Methods/" + phone)
        .then()
        .statusCode(404);
    graph()
        .delete("/users/" + user + "/authentication/phoneMethods/" + phone)
        .then()
        .statusCode(204);
    String deleted = phone;
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> left =
        (List<Map<String, Object>>) state(user).get("authenticationMethods");
    assertThat(left).noneMatch(m -> deleted.equals(m.get("id")));
  }

  @Test
  void directoryRoleMembershipIsRemoved() {
    List<String> roles =
        graph()
            .get("/users/" + ADMIN + "/memberOf")
            .then()
            .statusCode(200)
            .extract()
            .path("value.findAll { it.'@odata.type' == '#microsoft.graph.directoryRole' }.id");
    assertThat(roles).isNotEmpty();
    assertThat(state(ADMIN).get("kind")).isEqualTo("admin");
    for (String role : roles) {
      graph()
          .delete("/directoryRoles/" + role + "/members/" + ADMIN + "/$ref")
          .then()
          .statusCode(204);
      graph()
          .delete("/directoryRoles/" + role + "/members/" + ADMIN + "/$ref")
          .then()
          .statusCode(404);
    }
    assertThat((List<?>) state(ADMIN).get("directoryRoles")).isEmpty();
  }

  @Test
  void collectionsPageWithTopAndSkiptoken() {
    graph()
        .queryParam("$top", 100)
        .get("/users")
        .then()
        .statusCode(200)
        .body("value", hasSize(100))
        .body("'@odata.nextLink'", containsString("$skiptoken=100"));
    graph().queryParam("$top", 1000).get("/users").then().statusCode(400);
  }

  @Test
  void journalAndCountsSeeEveryCall() {
    graph().post("/users/" + MEMBER + "/revokeSignInSessions").then().statusCode(200);
    graph().post("/users/" + MEMBER + "/revokeSignInSessions").then().statusCode(200);
    graph().post("/users/nobody@x.example/revokeSignInSessions").then().statusCode(404);
    sim()
        .queryParam("user", MEMBER)
        .queryParam("action", "revokeSignInSessions")
        .queryParam("effective", true)
        .get("/_sim/journal")
        .then()
        .statusCode(200)
        .body("count", equalTo(2));
    sim()
        .get("/_sim/counts")
        .then()
        .statusCode(200)
        .body("byAction.revokeSignInSessions.'200'", equalTo(2))
        .body("byAction.revokeSignInSessions.'404'", equalTo(1))
        .body("byUser.'" + MEMBER + "'.'200'", equalTo(2));
    sim()
        .queryParam("limit", 0)
        .get("/_sim/journal")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
    sim().get("/_sim/users/nobody").then().statusCode(404);
  }

  private static io.restassured.response.Response patch(String user, String body) {
    return graph().contentType("application/json").body(body).patch("/users/" + user);
  }

  private static io.restassured.response.Response post(String path, String body) {
    return graph().contentType("application/json").body(body).post(path);
  }
}
