package io.cordon.graphsim;

import static io.cordon.graphsim.SimTestClient.sim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.cordon.graphsim.seed.TenantGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two tenants in one simulator: each its own token issuer and app secret, directory, verified
 * domains, faults, throttling and journal entries; the default tenant behaves as it always did.
 */
@QuarkusTest
@TestProfile(MultiTenantTest.TwoTenants.class)
class MultiTenantTest {
  static final String FABRIKAM = "5b0e4c1d-8a7f-4e2b-9c3d-0f1e2d3c4b5a";
  static final String FABRIKAM_DOMAIN = "fabrikam-sim.example";
  static final String FABRIKAM_SECRET = "fabrikam-secret";
  static final String FABRIKAM_USER = TenantGenerator.userId(FABRIKAM_DOMAIN, 0);
  static final String DEFAULT_USER = TenantGenerator.userId(SimTestClient.DOMAIN, 0);

  public static class TwoTenants implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "sim.tenants.fabrikam.id", FABRIKAM,
          "sim.tenants.fabrikam.domain", FABRIKAM_DOMAIN,
          "sim.tenants.fabrikam.extra-domains", "fabrikam.example",
          "sim.tenants.fabrikam.client-secret", FABRIKAM_SECRET,
          "sim.tenants.fabrikam.generate-users", "12");
    }
  }

  @BeforeEach
  void reset() {
    SimTestClient.reset();
  }

  private static Response tokenRequest(String tenant, String secret) {
    return sim()
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", SimTestClient.CLIENT_ID)
        .formParam("client_secret", secret)
        .formParam("scope", "https://graph.microsoft.com/.default")
        .post("/" + tenant + "/oauth2/v2.0/token");
  }

  private static String fabrikamToken() {
    return tokenRequest(FABRIKAM, FABRIKAM_SECRET)
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  private static RequestSpecification fabrikamGraph() {
    return sim().basePath("/v1.0").header("Authorization", "Bearer " + fabrikamToken());
  }

  private static JsonPath claims(String token) {
    return new JsonPath(
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  @Test
  void eachTenantIssuesItsOwnTokensForItsOwnSecret() {
    assertThat(claims(fabrikamToken()).getString("tid")).isEqualTo(FABRIKAM);
    assertThat(claims(fabrikamToken()).getString("iss")).contains(FABRIKAM);
    assertThat(claims(SimTestClient.token()).getString("tid")).isEqualTo(SimTestClient.TENANT);
    // by a verified domain, as Entra accepts it in the authority
    tokenRequest("fabrikam.example", FABRIKAM_SECRET).then().statusCode(200);
    // one tenant's secret opens nothing in the other
    tokenRequest(FABRIKAM, SimTestClient.CLIENT_SECRET)
        .then()
        .statusCode(401)
        .body("error", equalTo("invalid_client"))
        .body("error_codes", hasItem(7000215));
    tokenRequest(SimTestClient.TENANT, FABRIKAM_SECRET).then().statusCode(401);
    tokenRequest("7d7d7d7d-0000-4000-8000-000000000000", FABRIKAM_SECRET)
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_tenant"))
        .body("error_codes", hasItem(90002))
        .body("error_description", startsWith("AADSTS90002: Tenant '7d7d7d7d"));
    sim()
        .get("/" + FABRIKAM + "/v2.0/.well-known/openid-configuration")
        .then()
        .statusCode(200)
        .body(
            "token_endpoint",
            equalTo(SimTestClient.origin() + "/" + FABRIKAM + "/oauth2/v2.0/token"));
  }

  @Test
  void aTokenSeesOnlyItsOwnTenantsDirectory() {
    fabrikamGraph().get("/users/" + FABRIKAM_USER).then().statusCode(200);
    fabrikamGraph().get("/users/" + DEFAULT_USER).then().statusCode(404);
    SimTestClient.graph().get("/users/" + DEFAULT_USER).then().statusCode(200);
    SimTestClient.graph().get("/users/" + FABRIKAM_USER).then().statusCode(404);
    fabrikamGraph()
        .get("/users?$top=999")
        .then()
        .statusCode(200)
        .body(
            "value.userPrincipalName", everyItem(org.hamcrest.Matchers.endsWith(FABRIKAM_DOMAIN)));
    // a change in one tenant is not seen in the other
    fabrikamGraph()
        .post("/users/" + FABRIKAM_USER + "/revokeSignInSessions")
        .then()
        .statusCode(200);
    sim()
        .get("/_sim/users/" + FABRIKAM_USER + "?tenant=fabrikam")
        .then()
        .statusCode(200)
        .body("sessionRevocationCount", equalTo(1));
    sim().get("/_sim/users/" + FABRIKAM_USER).then().statusCode(404);
  }

  @Test
  void listsEachTenantsVerifiedDomains() {
    List<String> fabrikam =
        fabrikamGraph().get("/domains").then().statusCode(200).extract().path("value.id");
    assertThat(fabrikam)
        .containsExactly(FABRIKAM_DOMAIN, "fabrikam.example", "fabrikam-sim.onmicrosoft.com");
    fabrikamGraph()
        .get("/domains")
        .then()
        .body("value.isVerified", everyItem(equalTo(true)))
        .body("value.find { it.id == '" + FABRIKAM_DOMAIN + "' }.isDefault", equalTo(true));
    List<String> contoso =
        SimTestClient.graph().get("/domains").then().statusCode(200).extract().path("value.id");
    assertThat(contoso).containsExactly(SimTestClient.DOMAIN, "jaxa-demo.onmicrosoft.com");
  }

  @Test
  void faultsAndThrottlingArePerTenant() {
    sim()
        .contentType("application/json")
        .body("{\"throttleProbability\": 1, \"throttleRetryAfterSeconds\": 3}")
        .put("/_sim/faults?tenant=" + FABRIKAM_DOMAIN)
        .then()
        .statusCode(200)
        .body("throttleProbability", equalTo(1.0f));
    fabrikamGraph()
        .get("/users/" + FABRIKAM_USER)
        .then()
        .statusCode(429)
        .header("Retry-After", "3");
    SimTestClient.graph().get("/users/" + DEFAULT_USER).then().statusCode(200);
    sim().get("/_sim/faults").then().body("throttleProbability", equalTo(0.0f));
    sim()
        .contentType("application/json")
        .body("{\"throttleProbability\": 0}")
        .put("/_sim/faults?tenant=fabrikam")
        .then()
        .statusCode(200);

    // a budget of one resource unit per 10 s: the second read is throttled, in fabrikam only
    sim()
        .contentType("application/json")
        .body("{\"scale\": 0.0001}")
        .put("/_sim/throttle?tenant=fabrikam")
        .then()
        .statusCode(200)
        .body("usage.resourceUnits.limit", equalTo(1));
    RequestSpecification fabrikam = fabrikamGraph();
    fabrikam.get("/users/" + FABRIKAM_USER).then().statusCode(200);
    fabrikam
        .get("/users/" + FABRIKAM_USER)
        .then()
        .statusCode(429)
        .header("x-ms-throttle-scope", org.hamcrest.Matchers.endsWith("/" + FABRIKAM));
    for (int i = 0; i < 5; i++) {
      SimTestClient.graph().get("/users/" + DEFAULT_USER).then().statusCode(200);
    }
    sim().get("/_sim/throttle").then().body("settings.scale", equalTo(1.0f));

    sim()
        .get("/_sim/faults?tenant=nowhere.example")
        .then()
        .statusCode(404)
        .body("errors[0].field", equalTo("tenant"));
  }

  @Test
  void journalEntriesNameTheTenantWhoseTokenTheCallCarried() {
    fabrikamGraph().get("/users/" + FABRIKAM_USER).then().statusCode(200);
    fabrikamGraph().get("/users/" + DEFAULT_USER).then().statusCode(404);
    SimTestClient.graph().get("/users/" + DEFAULT_USER).then().statusCode(200);

    List<String> all = sim().get("/_sim/journal").then().extract().path("entries.tenantId");
    assertThat(all).containsExactlyInAnyOrder(FABRIKAM, FABRIKAM, SimTestClient.TENANT);
    JsonPath fabrikam = sim().get("/_sim/journal?tenant=fabrikam").then().extract().jsonPath();
    assertThat(fabrikam.getList("entries.tenantId")).containsOnly(FABRIKAM).hasSize(2);
    assertThat(fabrikam.getList("entries.status", Integer.class)).containsExactly(200, 404);
    sim()
        .get("/_sim/health")
        .then()
        .statusCode(200)
        .body("tenantId", equalTo(SimTestClient.TENANT))
        .body("tenants.name", org.hamcrest.Matchers.contains("default", "fabrikam"))
        .body("tenants[1].users", equalTo(12));
  }

  @Test
  void resetReturnsEveryTenantToItsStart() {
    sim()
        .contentType("application/json")
        .body("{\"throttleProbability\": 1}")
        .put("/_sim/faults?tenant=fabrikam")
        .then()
        .statusCode(200);
    SimTestClient.reset();
    fabrikamGraph().get("/users/" + FABRIKAM_USER).then().statusCode(200);
  }
}
