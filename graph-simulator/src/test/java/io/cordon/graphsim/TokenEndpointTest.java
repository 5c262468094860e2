package io.cordon.graphsim;

import static io.cordon.graphsim.SimTestClient.sim;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.cordon.graphsim.seed.TenantGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Entra side: client credentials, metadata, AADSTS errors, bearer checks and roles. */
@QuarkusTest
class TokenEndpointTest {
  static final String USER = TenantGenerator.userId(SimTestClient.DOMAIN, 0);

  @BeforeEach
  void reset() {
    SimTestClient.reset();
  }

  private static RequestSpecification form(String clientId, String secret, String scope) {
    return sim()
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", clientId)
        .formParam("client_secret", secret)
        .formParam("scope", scope);
  }

  @Test
  void issuesTokensWithTheConfiguredRoles() {
    String token = SimTestClient.token();
    String claims =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    io.restassured.path.json.JsonPath json = new io.restassured.path.json.JsonPath(claims);
    org.assertj.core.api.Assertions.assertThat(json.getList("roles"))
        .contains(
            "User.RevokeSessions.All",
            "IdentityRiskyUser.ReadWrite.All",
            "RoleManagement.ReadWrite.Directory");
    org.assertj.core.api.Assertions.assertThat(json.getString("tid"))
        .isEqualTo(SimTestClient.TENANT);
    // msal4j's extra scopes are tolerated
    form(
            SimTestClient.CLIENT_ID,
            SimTestClient.CLIENT_SECRET,
            "https://graph.microsoft.com/.default openid profile offline_access")
        .post("/" + SimTestClient.DOMAIN + "/oauth2/v2.0/token")
        .then()
        .statusCode(200)
        .body("token_type", equalTo("Bearer"));
  }

  @Test
  void refusesWrongCredentialsTenantsAndScopesLikeEntra() {
    String path = "/" + SimTestClient.TENANT + "/oauth2/v2.0/token";
    form(SimTestClient.CLIENT_ID, "wrong", "https://graph.microsoft.com/.default")
        .post(path)
        .then()
        .statusCode(401)
        .body("error", equalTo("invalid_client"))
        .body("error_codes", hasItem(7000215));
    form(
            "00000000-0000-0000-0000-000000000001",
            SimTestClient.CLIENT_SECRET,
            "https://graph.microsoft.com/.default")
        .post(path)
        .then()
        .statusCode(400)
        .body("error_codes", hasItem(700016));
    form(SimTestClient.CLIENT_ID, SimTestClient.CLIENT_SECRET, "User.Read")
        .post(path)
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_scope"));
    form(
            SimTestClient.CLIENT_ID,
            SimTestClient.CLIENT_SECRET,
            "https://graph.microsoft.com/.default")
        .post("/other.example/oauth2/v2.0/token")
        .then()
        .statusCode(400)
        .body("error_codes", hasItem(90002));
  }

  @Test
  void servesOpenIdMetadataAndInstanceDiscovery() {
    sim()
        .get("/" + SimTestClient.TENANT + "/v2.0/.well-known/openid-configuration")
        .then()
        .statusCode(200)
        .body(
            "token_endpoint",
            equalTo(SimTestClient.origin() + "/" + SimTestClient.TENANT + "/oauth2/v2.0/token"));
    sim()
        .get("/common/discovery/instance")
        .then()
        .statusCode(200)
        .body("tenant_discovery_endpoint", startsWith(SimTestClient.origin()));
  }

  @Test
  void graphNeedsAValidBearerTokenWithTheRightRole() {
    sim()
        .get("/v1.0/users/" + USER)
        .then()
        .statusCode(401)
        .body("error.code", equalTo("InvalidAuthenticationToken"));
    String forged = SimTestClient.token();
    forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA";
    sim()
        .header("Authorization", "Bearer " + forged)
        .get("/v1.0/users/" + USER)
        .then()
        .statusCode(401);
    sim()
        .contentType("application/json")
        .body("{\"roles\":[\"User.Read.All\"]}")
        .put("/_sim/auth")
        .then()
        .statusCode(200);
    RequestSpecification readOnly =
        sim().header("Authorization", "Bearer " + SimTestClient.token());
    readOnly.get("/v1.0/users/" + USER).then().statusCode(200);
    sim()
        .header("Authorization", "Bearer " + SimTestClient.token())
        .post("/v1.0/users/" + USER + "/revokeSignInSessions")
        .then()
        .statusCode(403)
        .body("error.code", equalTo("Authorization_RequestDenied"));
  }
}
