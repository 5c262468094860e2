package io.cordon.graphsim.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.graphsim.service.GraphPaths;
import io.cordon.graphsim.service.TokenService;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Entra side msal4j talks to: the v2.0 token endpoint, OpenID metadata, instance discovery and
 * an (empty) key set; the authority is this server's own https origin.
 */
@ApplicationScoped
public class TokenHttpHandler {
  @Inject TokenService tokens;
  @Inject ObjectMapper json;

  /** True when the path was one of ours. */
  boolean handle(HttpServerRequest http, Buffer body, String[] s) {
    String origin = (http.isSSL() ? "https://" : "http://") + http.getHeader("Host");
    if (s.length == 4 && s[1].equals("oauth2") && s[2].equals("v2.0") && s[3].equals("token")) {
      if (!http.method().name().equals("POST")) {
        return false;
      }
      Map<String, String> form =
          GraphPaths.query(body == null ? "" : body.toString(StandardCharsets.UTF_8));
      TokenService.TokenAnswer answer = tokens.issue(s[0], form);
      http.response().putHeader("Cache-Control", "no-store, no-cache");
      String correlation = http.getHeader("client-request-id");
      if (correlation != null) {
        // msal4j checks that its correlation id comes back
        http.response().putHeader("client-request-id", correlation);
      }
      HttpReplies.json(http, answer.status(), answer.body(), json);
      return true;
    }
    boolean v2Metadata =
        s.length == 4
            && s[1].equals("v2.0")
            && s[2].equals(".well-known")
            && s[3].equals("openid-configuration");
    boolean v1Metadata =
        s.length == 3 && s[1].equals(".well-known") && s[2].equals("openid-configuration");
    if (v2Metadata || v1Metadata) {
      if (!tokens.knownTenant(s[0]) && !s[0].equals("common")) {
        HttpReplies.json(
            http,
            400,
            Map.of(
                "error",
                "invalid_tenant",
                "error_description",
                "AADSTS90002: Tenant '" + s[0] + "' not found."),
            json);
        return true;
      }
      HttpReplies.json(http, 200, metadata(origin, s[0]), json);
      return true;
    }
    if (s.length == 3
        && s[0].equals("common")
        && s[1].equals("discovery")
        && s[2].equals("instance")) {
      String host = http.getHeader("Host");
      Map<String, Object> discovery = new LinkedHashMap<>();
      discovery.put(
          "tenant_discovery_endpoint", origin + "/common/v2.0/.well-known/openid-configuration");
      discovery.put("api-version", "1.1");
      discovery.put(
          "metadata",
          List.of(
              Map.of(
                  "preferred_network", host, "preferred_cache", host, "aliases", List.of(host))));
      HttpReplies.json(http, 200, discovery, json);
      return true;
    }
    if (s.length == 4 && s[1].equals("discovery") && s[2].equals("v2.0") && s[3].equals("keys")) {
      HttpReplies.json(http, 200, Map.of("keys", List.of()), json);
      return true;
    }
    return false;
  }

  private static Map<String, Object> metadata(String origin, String tenant) {
    String authority = origin + "/" + tenant;
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("token_endpoint", authority + "/oauth2/v2.0/token");
    metadata.put(
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_post", "private_key_jwt", "client_secret_basic"));
    metadata.put("jwks_uri", authority + "/discovery/v2.0/keys");
    metadata.put("response_modes_supported", List.of("query", "fragment", "form_post"));
    metadata.put("subject_types_supported", List.of("pairwise"));
    metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
    metadata.put(
        "response_types_supported", List.of("code", "id_token", "code id_token", "id_token token"));
    metadata.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
    metadata.put("issuer", authority + "/v2.0");
    metadata.put("authorization_endpoint", authority + "/oauth2/v2.0/authorize");
    metadata.put("device_authorization_endpoint", authority + "/oauth2/v2.0/devicecode");
    metadata.put("end_session_endpoint", authority + "/oauth2/v2.0/logout");
    metadata.put("tenant_region_scope", "AS");
    metadata.put("cloud_instance_name", "microsoftonline.com");
    metadata.put("cloud_graph_host_name", "graph.windows.net");
    metadata.put("msgraph_host", "graph.microsoft.com");
    return metadata;
  }
}
