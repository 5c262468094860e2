package io.cordon.graphsim;

import static io.cordon.graphsim.SimTestClient.graph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.cordon.graphsim.seed.TenantGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an attacker leaves on an administrator, as Graph shows and removes it: PIM schedules removed
 * by adminRemove schedule requests, role assignments, role-assignable group memberships, recently
 * registered methods and a hiding inbox rule (the demo tenant's first administrator).
 */
@QuarkusTest
class PrivilegedAccessEndpointsTest {
  static final String ADMIN = TenantGenerator.userId(SimTestClient.DOMAIN, 3);
  static final String PRIVILEGED_ROLE_ADMIN = "e8611ab8-c189-46e8-94e1-60213ab1f814";
  static final String SECURITY_ADMIN = "194ae4cb-b126-40b2-bd5b-6091b380977d";
  static final String FILTER = "principalId eq '" + ADMIN + "'";

  @BeforeEach
  void reset() {
    SimTestClient.reset();
  }

  @Test
  void anEligibleRoleIsListedAndGoesWithAnAdminRemoveRequest() {
    graph()
        .queryParam("$filter", FILTER)
        .get("/roleManagement/directory/roleEligibilitySchedules")
        .then()
        .statusCode(200)
        .body("value", hasSize(1))
        .body("value[0].roleDefinitionId", equalTo(PRIVILEGED_ROLE_ADMIN))
        .body("value[0].memberType", equalTo("Direct"));
    String request = removal(PRIVILEGED_ROLE_ADMIN, "/");

    post("/roleManagement/directory/roleEligibilityScheduleRequests", request)
        .then()
        .statusCode(201)
        .body("action", equalTo("adminRemove"))
        .body("status", equalTo("Revoked"))
        .body("principalId", equalTo(ADMIN));

    graph()
        .queryParam("$filter", FILTER)
        .get("/roleManagement/directory/roleEligibilitySchedules")
        .then()
        .statusCode(200)
        .body("value", hasSize(0));
    post("/roleManagement/directory/roleEligibilityScheduleRequests", request)
        .then()
        .statusCode(400)
        .body("error.code", equalTo("RoleAssignmentDoesNotExist"));
  }

  @Test
  void anActivePimAssignmentIsARoleAssignmentUntilRemoved() {
    graph()
        .queryParam("$filter", FILTER)
        .get("/roleManagement/directory/roleAssignmentSchedules")
        .then()
        .statusCode(200)
        .body("value", hasSize(1))
        .body("value[0].roleDefinitionId", equalTo(SECURITY_ADMIN))
        .body("value[0].assignmentType", equalTo("Assigned"));
    graph()
        .queryParam("$filter", FILTER)
        .get("/roleManagement/directory/roleAssignments")
        .then()
        .statusCode(200)
        .body("value.roleDefinitionId", hasItem(SECURITY_ADMIN));

    post("/roleManagement/directory/roleAssignmentScheduleRequests", removal(SECURITY_ADMIN, "/"))
        .then()
        .statusCode(201);

    List<String> roles =
        graph()
            .queryParam("$filter", FILTER)
            .get("/roleManagement/directory/roleAssignments")
            .then()
            .statusCode(200)
            .extract()
            .path("value.roleDefinitionId");
    assertThat(roles).doesNotContain(SECURITY_ADMIN).isNotEmpty();
    // a direct assignment (the directory role membership) is deleted by id; then it is gone
    String id =
        graph()
            .queryParam("$filter", FILTER)
            .get("/roleManagement/directory/roleAssignments")
            .then()
            .extract()
            .path("value[0].id");
    graph().delete("/roleManagement/directory/roleAssignments/" + id).then().statusCode(204);
    graph().delete("/roleManagement/directory/roleAssignments/" + id).then().statusCode(404);
    graph()
        .queryParam("$filter", FILTER)
        .get("/roleManagement/directory/roleAssignments")
        .then()
        .body("value", hasSize(0));
  }

  @Test
  void aScheduleRequestNamesItsRole() {
    post(
            "/roleManagement/directory/roleEligibilityScheduleRequests",
            "{\"action\":\"adminRemove\",\"principalId\":\"" + ADMIN + "\"}")
        .then()
        .statusCode(400);
  }

  @Test
  void aRoleAssignableGroupMembershipIsShownAndRemoved() {
    List<Map<String, Object>> groups =
        graph()
            .get("/users/" + ADMIN + "/memberOf")
            .then()
            .statusCode(200)
            .extract()
            .path("value.findAll { it.isAssignableToRole == true }");
    assertThat(groups).hasSize(1);
    String group = (String) groups.get(0).get("id");

    graph().delete("/groups/" + group + "/members/" + ADMIN + "/$ref").then().statusCode(204);

    graph().delete("/groups/" + group + "/members/" + ADMIN + "/$ref").then().statusCode(404);
    assertThat(
            graph()
                .get("/users/" + ADMIN + "/memberOf")
                .then()
                .extract()
                .<List<String>>path("value.id"))
        .doesNotContain(group);
  }

  @Test
  void withoutRoleManagementNeitherSchedulesNorRoleAssignableGroupsChange() {
    String group =
        graph()
            .get("/users/" + ADMIN + "/memberOf")
            .then()
            .extract()
            .path("value.find { it.isAssignableToRole == true }.id");
    SimTestClient.sim()
        .contentType("application/json")
        .body(
            Map.of(
                "roles",
                List.of("User.Read.All", "GroupMember.ReadWrite.All", "MailboxSettings.ReadWrite"),
                "directoryRoles",
                List.of()))
        .put("/_sim/auth")
        .then()
        .statusCode(200);

    post(
            "/roleManagement/directory/roleEligibilityScheduleRequests",
            removal(PRIVILEGED_ROLE_ADMIN, "/"))
        .then()
        .statusCode(403)
        .body("error.code", equalTo("Authorization_RequestDenied"));
    graph()
        .queryParam("$filter", FILTER)
        .get("/roleManagement/directory/roleEligibilitySchedules")
        .then()
        .statusCode(403);
    graph().delete("/groups/" + group + "/members/" + ADMIN + "/$ref").then().statusCode(403);
    // folders need a mail read permission, which MailboxSettings.ReadWrite is not
    graph().get("/users/" + ADMIN + "/mailFolders/deleteditems").then().statusCode(403);
  }

  @Test
  void theAdministratorHasAnOldAndANewAuthenticatorAndAHidingRule() {
    List<String> created =
        graph()
            .get("/users/" + ADMIN + "/authentication/methods")
            .then()
            .statusCode(200)
            .extract()
            .path(
                "value.findAll { it['@odata.type'] =="
                    + " '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod' }"
                    + ".createdDateTime");
    assertThat(created).hasSizeGreaterThanOrEqualTo(2);
    assertThat(created.stream().map(Instant::parse))
        .anyMatch(t -> t.isAfter(Instant.now().minus(Duration.ofDays(2))))
        .anyMatch(t -> t.isBefore(Instant.now().minus(Duration.ofDays(365))));
    graph()
        .get("/users/" + ADMIN + "/mailFolders/inbox/messageRules")
        .then()
        .statusCode(200)
        .body("value.actions.moveToFolder", hasItem("AAMk-deleteditems"));
    graph()
        .get("/users/" + ADMIN + "/mailFolders/deleteditems")
        .then()
        .statusCode(200)
        .body("id", equalTo("AAMk-deleteditems"))
        .body("displayName", equalTo("Deleted Items"));
    graph()
        .queryParam("$filter", "displayName eq 'RSS Subscriptions' or displayName eq 'RSS Feeds'")
        .get("/users/" + ADMIN + "/mailFolders")
        .then()
        .statusCode(200)
        .body("value", hasSize(1))
        .body("value[0].displayName", equalTo("RSS Subscriptions"));
  }

  private static String removal(String role, String scope) {
    return "{\"action\":\"adminRemove\",\"principalId\":\""
        + ADMIN
        + "\",\"roleDefinitionId\":\""
        + role
        + "\",\"directoryScopeId\":\""
        + scope
        + "\",\"justification\":\"containment\"}";
  }

  private static Response post(String path, String body) {
    return graph().contentType("application/json").body(body).post(path);
  }
}
