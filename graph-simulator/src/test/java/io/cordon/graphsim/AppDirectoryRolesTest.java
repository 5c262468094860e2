package io.cordon.graphsim;

import static io.cordon.graphsim.SimTestClient.graph;
import static io.cordon.graphsim.SimTestClient.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app's service principal and its directory roles as Graph shows them (servicePrincipal
 * memberOf lists directoryRole objects), and Graph's rule that an app resets or disables an
 * administrator only while it holds Privileged Authentication Administrator or Global
 * Administrator.
 */
@QuarkusTest
class AppDirectoryRolesTest {
  static final String PRIVILEGED_AUTH_ADMIN = "7be44c8a-adaf-4e2a-84d6-ab2649e08a13";

  @BeforeEach
  void reset() {
    SimTestClient.reset();
  }

  @Test
  void theServicePrincipalListsItsDirectoryRoles() {
    String id =
        graph()
            .get("/servicePrincipals(appId='" + SimTestClient.CLIENT_ID + "')?$select=id")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    graph()
        .get("/servicePrincipals/" + id + "/transitiveMemberOf")
        .then()
        .statusCode(200)
        .body("value[0].'@odata.type'", equalTo("#microsoft.graph.directoryRole"))
        .body("value[0].displayName", equalTo("Privileged Authentication Administrator"))
        .body("value[0].roleTemplateId", equalTo(PRIVILEGED_AUTH_ADMIN));
    graph().get("/servicePrincipals(appId='someone-else')").then().statusCode(404);
  }

  @Test
  void withoutAPrivilegedRoleTheAppCannotDisableAnAdministrator() {
    String admin = firstAdministrator();
    sim()
        .contentType("application/json")
        .body(
            Map.of(
                "roles",
                List.of("User.Read.All", "Directory.Read.All", "User.ReadWrite.All"),
                "directoryRoles",
                List.of()))
        .put("/_sim/auth")
        .then()
        .statusCode(200)
        .body("directoryRoles", empty());
    String id =
        graph()
            .get("/servicePrincipals(appId='" + SimTestClient.CLIENT_ID + "')")
            .then()
            .extract()
            .path("id");
    graph().get("/servicePrincipals/" + id + "/memberOf").then().body("value", empty());

    graph()
        .contentType("application/json")
        .body("{\"accountEnabled\":false}")
        .patch("/users/" + admin)
        .then()
        .statusCode(403)
        .body("error.code", equalTo("Authorization_RequestDenied"));

    sim()
        .contentType("application/json")
        .body(
            Map.of(
                "roles",
                List.of("User.Read.All", "Directory.Read.All", "User.ReadWrite.All"),
                "directoryRoles",
                List.of("Global Administrator")))
        .put("/_sim/auth")
        .then()
        .statusCode(200);
    graph()
        .contentType("application/json")
        .body("{\"accountEnabled\":false}")
        .patch("/users/" + admin)
        .then()
        .statusCode(204);
  }

  @Test
  void withoutARoleReadPermissionTheRolesComeWithoutTheirNames() {
    sim()
        .contentType("application/json")
        .body(Map.of("roles", List.of("Application.Read.All", "User.ReadWrite.All")))
        .put("/_sim/auth")
        .then()
        .statusCode(200);
    String id =
        graph()
            .get("/servicePrincipals(appId='" + SimTestClient.CLIENT_ID + "')")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    graph()
        .get("/servicePrincipals/" + id + "/transitiveMemberOf")
        .then()
        .statusCode(200)
        .body("value[0].'@odata.type'", equalTo("#microsoft.graph.directoryRole"))
        .body("value[0].id", org.hamcrest.Matchers.notNullValue())
        .body("value[0].displayName", org.hamcrest.Matchers.nullValue())
        .body("value[0].roleTemplateId", org.hamcrest.Matchers.nullValue());
  }

  private static String firstAdministrator() {
    JsonPath roles = graph().get("/directoryRoles").then().statusCode(200).extract().jsonPath();
    for (String roleId : roles.<String>getList("value.id")) {
      List<String> members =
          graph()
              .get("/directoryRoles/" + roleId + "/members")
              .then()
              .extract()
              .jsonPath()
              .getList("value.id");
      for (String member : members) {
        Boolean synced =
            graph()
                .get("/users/" + member + "?$select=id,onPremisesSyncEnabled")
                .then()
                .extract()
                .path("onPremisesSyncEnabled");
        if (!Boolean.TRUE.equals(synced)) {
          return member;
        }
      }
    }
    assertThat(roles.getList("value"))
        .as("a cloud-only administrator in the demo tenant")
        .isEmpty();
    throw new AssertionError("no cloud-only administrator");
  }
}
