package io.cordon.account.executor;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenRequestContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cordon.account.client.CachingTokenCredential;
import io.cordon.account.client.GraphClients;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.config.TenantRegistry;
import io.cordon.testsupport.FormBodies;
import io.cordon.testsupport.GraphWireMockStubs;
import io.cordon.testsupport.InjectGraphWireMock;
import io.cordon.testsupport.TestJwt;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Each tenant signs in with its own credential, through the real azure-identity flow against the
 * WireMock token endpoints: contoso as a workload identity (its federated token sent as the client
 * assertion, no secret), fabrikam with its own app's secret (no assertion).
 */
@QuarkusTest
@TestProfile(MultiTenantProfile.class)
@GraphExecutorResources
class TenantCredentialsTest {
  private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  @InjectGraphWireMock WireMockServer graph;
  @Inject TenantRegistry tenants;
  @Inject GraphClients clients;

  @Test
  void eachTenantSignsInWithItsOwnCredential() {
    ExecutorGraph.reset(graph);
    GraphTenant contoso = tenants.byName("contoso").orElseThrow();
    GraphTenant fabrikam = tenants.byName("fabrikam").orElseThrow();
    GraphWireMockStubs.stubTokenEndpoint(graph, contoso.tenantId(), "contoso-token");
    GraphWireMockStubs.stubTokenEndpoint(graph, fabrikam.tenantId(), "fabrikam-token");

    assertThat(freshToken(contoso)).isEqualTo("contoso-token");
    assertThat(freshToken(fabrikam)).isEqualTo("fabrikam-token");

    // every token request to a tenant (a background read of its domains may add one) carries its
    // own credential
    assertThat(tokenRequests(contoso))
        .allSatisfy(
            form ->
                assertThat(form)
                    .containsEntry("grant_type", "client_credentials")
                    .containsEntry("client_id", "cordon-test-app")
                    .containsEntry("client_assertion_type", JWT_BEARER)
                    .containsEntry("client_assertion", MultiTenantProfile.CONTOSO_FEDERATED_TOKEN)
                    .doesNotContainKey("client_secret"));
    assertThat(tokenRequests(fabrikam))
        .allSatisfy(
            form ->
                assertThat(form)
                    .containsEntry("client_id", "fabrikam-app")
                    .containsEntry("client_secret", "fabrikam-secret-not-real")
                    .doesNotContainKey("client_assertion"));
  }

  @Test
  void adminsSeeTheKindOfEachTenantsCredentialNeverItsValue() {
    given()
        .auth()
        .oauth2(TestJwt.token("admin@jaxa.example", TestJwt.ADMIN))
        .get("/api/v1/tenants")
        .then()
        .statusCode(200)
        .body("name", Matchers.contains("contoso", "fabrikam"))
        .body("credential", Matchers.contains("workload-identity", "client-secret"))
        .body(Matchers.not(Matchers.containsString(MultiTenantProfile.CONTOSO_FEDERATED_TOKEN)))
        .body(Matchers.not(Matchers.containsString("fabrikam-secret-not-real")));
  }

  private String freshToken(GraphTenant tenant) {
    CachingTokenCredential credential = (CachingTokenCredential) clients.credential(tenant);
    return credential.refresh(new TokenRequestContext().addScopes(tenant.scope())).getToken();
  }

  private List<Map<String, String>> tokenRequests(GraphTenant tenant) {
    List<LoggedRequest> requests =
        graph.findAll(
            postRequestedFor(urlPathEqualTo("/" + tenant.tenantId() + "/oauth2/v2.0/token")));
    assertThat(requests).as("token requests to %s", tenant.name()).isNotEmpty();
    return requests.stream().map(request -> FormBodies.parse(request.getBodyAsString())).toList();
  }
}
