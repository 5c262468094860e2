package io.cordon.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Stubs most Graph tests need before their own ones. */
public final class GraphWireMockStubs {

  public static final String ACCESS_TOKEN = "cordon-test-graph-access-token";

  private GraphWireMockStubs() {}

  /** Forgets stubs and recorded requests; call it between tests that share the server. */
  public static void reset(WireMockServer server) {
    server.resetAll();
  }

  /**
   * Answers Entra's client-credentials token endpoint and OpenID metadata for {@code tenantId}, on
   * whatever scheme the client uses (msal4j insists on https, see {@link GraphWireMockTls}).
   */
  public static void stubTokenEndpoint(WireMockServer server, String tenantId) {
    String authority = "https://localhost:" + server.httpsPort() + "/" + tenantId;
    server.stubFor(
        post(urlPathEqualTo("/" + tenantId + "/oauth2/v2.0/token"))
            .willReturn(
                json(
                    "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                        + "\"access_token\":\""
                        + ACCESS_TOKEN
                        + "\"}")));
    server.stubFor(
        get(urlPathEqualTo("/" + tenantId + "/v2.0/.well-known/openid-configuration"))
            .willReturn(
                json(
                    "{\"issuer\":\""
                        + authority
                        + "/v2.0\","
                        + "\"token_endpoint\":\""
                        + authority
                        + "/oauth2/v2.0/token\","
                        + "\"authorization_endpoint\":\""
                        + authority
                        + "/oauth2/v2.0/authorize\","
                        + "\"jwks_uri\":\""
                        + authority
                        + "/discovery/v2.0/keys\"}")));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
