package io.cordon.graphsim;

import static io.cordon.graphsim.SimTestClient.graph;
import static io.cordon.graphsim.SimTestClient.sim;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.cordon.graphsim.seed.TenantGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the demo's user left to come back with: an owned app's secrets, a consented app and devices,
 * with Graph's answers for removing them.
 */
@QuarkusTest
class PersistenceEndpointsTest {
  static final String USER =
      TenantGenerator.userId(SimTestClient.DOMAIN, TenantGenerator.PERSISTENT_USER);

  @BeforeEach
  void reset() {
    SimTestClient.reset();
  }

  @Test
  void anOwnedAppsSecretIsRemovedOnceAndItsValueNeverShown() {
    JsonPath apps =
        graph()
            .get("/users/" + USER + "/ownedObjects/microsoft.graph.application")
            .then()
            .statusCode(200)
            .body("value", hasSize(1))
            .body("value[0].appId", equalTo(TenantGenerator.PERSISTENT_APP_ID))
            .body("value[0].passwordCredentials", hasSize(2))
            .body("value[0].passwordCredentials[0].secretText", nullValue())
            .extract()
            .jsonPath();
    String app = apps.getString("value[0].id");
    String newest = apps.getString("value[0].passwordCredentials[1].keyId");
    // the SDK's short cast and the service principal cast answer too
    graph()
        .get("/users/" + USER + "/ownedObjects/graph.application")
        .then()
        .statusCode(200)
        .body("value", hasSize(1));
    graph()
        .get("/users/" + USER + "/ownedObjects/microsoft.graph.servicePrincipal")
        .then()
        .statusCode(200)
        .body("value", hasSize(0));

    post("/applications/" + app + "/removePassword", "{\"keyId\":\"" + newest + "\"}")
        .then()
        .statusCode(204);
    post("/applications/" + app + "/removePassword", "{\"keyId\":\"" + newest + "\"}")
        .then()
        .statusCode(404);
    post("/applications/unknown-app/removePassword", "{\"keyId\":\"" + newest + "\"}")
        .then()
        .statusCode(404)
        .body("error.code", equalTo("Request_ResourceNotFound"));
    graph()
        .get("/applications/" + app)
        .then()
        .statusCode(200)
        .body("passwordCredentials", hasSize(1));
  }

  @Test
  void removeKeyWantsAProofAndWritesWantTheirPermission() {
    String app =
        graph()
            .get("/users/" + USER + "/ownedObjects/microsoft.graph.application")
            .then()
            .extract()
            .path("value[0].id");
    post(
            "/applications/" + app + "/removeKey",
            "{\"keyId\":\"00000000-0000-4000-8000-000000000001\"}")
        .then()
        .statusCode(400)
        .body("error.message", org.hamcrest.Matchers.containsString("proof"));
    post(
            "/applications/" + app + "/removeKey",
            "{\"keyId\":\"00000000-0000-4000-8000-000000000001\",\"proof\":\"not.a.jwt\"}")
        .then()
        .statusCode(400)
        .body("error.message", equalTo("Proof of possession validation failed."));

    auth(List.of("User.Read.All", "Application.Read.All"), List.of("Cloud Device Administrator"));
    post("/applications/" + app + "/removePassword", "{\"keyId\":\"x\"}")
        .then()
        .statusCode(403)
        .body("error.code", equalTo("Authorization_RequestDenied"));
    graph()
        .delete("/users/" + USER + "/appRoleAssignments/any")
        .then()
        .statusCode(403)
        .body("error.code", equalTo("Authorization_RequestDenied"));
  }

  @Test
  void aConsentedAppsAssignmentIsDeletedOnceAndItsAppKnownByAppId() {
    JsonPath assignments =
        graph()
            .get("/users/" + USER + "/appRoleAssignments")
            .then()
            .statusCode(200)
            .body("value", hasSize(1))
            .body("value[0].resourceId", equalTo(TenantGenerator.SUSPICIOUS_APP_ID))
            .extract()
            .jsonPath();
    graph()
        .get("/servicePrincipals/" + TenantGenerator.SUSPICIOUS_APP_ID)
        .then()
        .statusCode(200)
        .body("displayName", equalTo("Mail Helper Pro"));
    // the user's delegated grant to the same app
    graph()
        .get("/users/" + USER + "/oauth2PermissionGrants")
        .then()
        .statusCode(200)
        .body("value.clientId", org.hamcrest.Matchers.hasItem(TenantGenerator.SUSPICIOUS_APP_ID));
    String id = assignments.getString("value[0].id");

    graph().delete("/users/" + USER + "/appRoleAssignments/" + id).then().statusCode(204);
    graph()
        .delete("/users/" + USER + "/appRoleAssignments/" + id)
        .then()
        .statusCode(404)
        .body("error.code", equalTo("Request_ResourceNotFound"));
    graph().get("/users/" + USER + "/appRoleAssignments").then().body("value", hasSize(0));
  }

  @Test
  void devicesAreDisabledOnlyByAnAppHoldingADeviceRole() {
    JsonPath registered =
        graph()
            .get("/users/" + USER + "/registeredDevices/microsoft.graph.device")
            .then()
            .statusCode(200)
            .body("value", hasSize(2))
            .body("value.displayName", containsInAnyOrder("JAXA-LT-0042", "DESKTOP-7QX1K2M"))
            .extract()
            .jsonPath();
    graph()
        .get("/users/" + USER + "/ownedDevices/graph.device")
        .then()
        .statusCode(200)
        .body("value", hasSize(1));
    String newest = registered.getString("value[1].id");

    auth(
        List.of("User.Read.All", "Device.ReadWrite.All"),
        List.of("Privileged Authentication Administrator"));
    patch("/devices/" + newest, "{\"accountEnabled\":false}").then().statusCode(403);

    auth(List.of("User.Read.All", "Device.ReadWrite.All"), List.of("Cloud Device Administrator"));
    patch("/devices/" + newest, "{\"accountEnabled\":false}").then().statusCode(204);
    graph().get("/devices/" + newest).then().statusCode(200).body("accountEnabled", equalTo(false));
    patch("/devices/no-such-device", "{\"accountEnabled\":false}").then().statusCode(404);
  }

  private static void auth(List<String> roles, List<String> directoryRoles) {
    sim()
        .contentType("application/json")
        .body(Map.of("roles", roles, "directoryRoles", directoryRoles))
        .put("/_sim/auth")
        .then()
        .statusCode(200);
  }

  private static Response post(String path, String body) {
    return graph().contentType("application/json").body(body).post(path);
  }

  private static Response patch(String path, String body) {
    return graph().contentType("application/json").body(body).patch(path);
  }
}
