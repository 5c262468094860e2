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
    stubTokenEndpoint(server, tenantId, ACCESS_TOKEN);
  }

  /**
   * An app-only access token whose {@code roles} claim grants these Graph application permissions
   * (unsigned: the client never verifies its own access token).
   */
  public static String appToken(String... roles) {
    StringBuilder claims =
        new StringBuilder("{\"aud\":\"https://graph.microsoft.com\",\"roles\":[");
    for (int i = 0; i < roles.length; i++) {
      claims.append(i == 0 ? "" : ",").append('"').append(roles[i]).append('"');
    }
    claims.append("]}");
    java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes())
        + "."
        + base64.encodeToString(claims.toString().getBytes())
        + ".";
  }

  public static void stubTokenEndpoint(WireMockServer server, String tenantId, String accessToken) {
    String authority = "https://localhost:" + server.httpsPort() + "/" + tenantId;
    server.stubFor(
        post(urlPathEqualTo("/" + tenantId + "/oauth2/v2.0/token"))
            .willReturn(
                json(
                    "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                        + "\"access_token\":\""
                        + accessToken
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
