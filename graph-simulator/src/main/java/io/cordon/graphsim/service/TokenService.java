package io.cordon.graphsim.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.graphsim.config.SimConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Entra token endpoint for client credentials, one issuer per tenant: checks the app's id and
 * secret against the tenant named in the path and issues a JWT-shaped access token (HS256 under a
 * key made at start) whose {@code tid} is that tenant and whose {@code roles} claim holds the
 * tenant's application permissions. Refusals follow "Microsoft identity platform and the OAuth 2.0
 * client credentials flow", error response
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow#error-response),
 * with the AADSTS codes of
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes.
 */
@ApplicationScoped
public class TokenService {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final String CLIENT_ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  @Inject SimConfig config;
  @Inject ObjectMapper json;
  @Inject SimTenants tenants;

  private final byte[] key = new byte[32];

  /** The token endpoint's answer: HTTP status and JSON body. */
  public record TokenAnswer(int status, ObjectNode body) {}

  /** What a valid token grants: the tenant it was issued in and its application permissions. */
  public record Grant(String tenantId, Set<String> roles) {}

  @jakarta.annotation.PostConstruct
  void init() {
    new SecureRandom().nextBytes(key);
  }

  /** The directory roles (names) of the app's service principal in the current tenant. */
  public List<String> directoryRoles() {
    return tenants.current().directoryRoles();
  }

  /** Changes the app's directory roles in the current tenant (preflight tests). */
  public void setDirectoryRoles(List<String> next) {
    tenants.current().directoryRoles(next);
  }

  /** The object id of the app's service principal, stable for its client id. */
  public String servicePrincipalId() {
    return UUID.nameUUIDFromBytes(
            ("servicePrincipal:" + tenants.current().clientId()).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  public List<String> roles() {
    return tenants.current().roles();
  }

  /** Changes the roles of tokens the current tenant issues from now on (preflight tests). */
  public void setRoles(List<String> next) {
    tenants.current().roles(next);
  }

  public boolean knownTenant(String tenantSegment) {
    return tenantOf(tenantSegment) != null;
  }

  // "organizations" stands for the default tenant, as before there were several
  private SimTenant tenantOf(String tenantSegment) {
    return tenantSegment.equalsIgnoreCase("organizations")
        ? tenants.defaultTenant()
        : tenants.find(tenantSegment);
  }

  public TokenAnswer issue(String tenantSegment, Map<String, String> form) {
    SimTenant tenant = tenantOf(tenantSegment);
    if (tenant == null) {
      return error(
          400,
          "invalid_tenant",
          "AADSTS90002: Tenant '"
              + tenantSegment
              + "' not found. Check to make sure you have the"
              + " correct tenant ID and are signing into the correct cloud.",
          90002);
    }
    String grantType = form.get("grant_type");
    if (!"client_credentials".equals(grantType)) {
      return error(
          400,
          "unsupported_grant_type",
          "AADSTS70003: The app requested an unsupported grant type '" + grantType + "'.",
          70003);
    }
    String clientId = form.get("client_id");
    if (clientId == null || !clientId.equalsIgnoreCase(tenant.clientId())) {
      return error(
          400,
          "unauthorized_client",
          "AADSTS700016: Application with identifier '"
              + clientId
              + "' was not found in the"
              + " directory '"
              + tenant.domain()
              + "'.",
          700016);
    }
    if (!credentialValid(tenant, form)) {
      return error(
          401,
          "invalid_client",
          "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the"
              + " request is the client secret value, not the client secret ID.",
          7000215);
    }
    String scope = firstResourceScope(form.get("scope"));
    if (scope == null) {
      return error(
          400,
          "invalid_scope",
          "AADSTS1002012: The provided value for scope is not valid. Client credential flows must"
              + " have a scope value with /.default suffixed to the resource identifier"
              + " (application ID URI).",
          1002012);
    }
    long lifetime = config.auth().tokenLifetime().toSeconds();
    String token =
        sign(claims(tenant, scope.substring(0, scope.length() - "/.default".length()), lifetime));
    ObjectNode body = json.createObjectNode();
    body.put("token_type", "Bearer");
    body.put("expires_in", lifetime);
    body.put("ext_expires_in", lifetime);
    body.put("access_token", token);
    return new TokenAnswer(200, body);
  }

  private boolean credentialValid(SimTenant tenant, Map<String, String> form) {
    String secret = form.get("client_secret");
    if (secret != null) {
      return MessageDigest.isEqual(
          secret.getBytes(StandardCharsets.UTF_8),
          tenant.clientSecret().getBytes(StandardCharsets.UTF_8));
    }
    return config.auth().acceptClientAssertion()
        && CLIENT_ASSERTION_TYPE.equals(form.get("client_assertion_type"))
        && form.get("client_assertion") != null;
  }

  // msal4j adds "openid profile offline_access"; the resource scope is the one ending in /.default
  private static String firstResourceScope(String scopes) {
    if (scopes == null) {
      return null;
    }
    for (String scope : scopes.split(" ")) {
      if (scope.endsWith("/.default")) {
        return scope;
      }
    }
    return null;
  }

  private ObjectNode claims(SimTenant tenant, String audience, long lifetime) {
    long now = Instant.now().getEpochSecond();
    ObjectNode claims = json.createObjectNode();
    claims.put("aud", audience);
    claims.put("iss", "https://sts.windows.net/" + tenant.id() + "/");
    claims.put("iat", now);
    claims.put("nbf", now);
    claims.put("exp", now + lifetime);
    claims.put("app_displayname", "Cordon (graph-simulator)");
    claims.put("appid", tenant.clientId());
    claims.put("appidacr", "1");
    claims.put("idtyp", "app");
    claims.put(
        "oid",
        UUID.nameUUIDFromBytes(tenant.clientId().getBytes(StandardCharsets.UTF_8)).toString());
    claims.put("sub", claims.get("oid").asText());
    claims.put("tid", tenant.id());
    claims.put("ver", "1.0");
    claims
        .putArray("roles")
        .addAll(tenant.roles().stream().map(json::valueToTree).map(JsonNode.class::cast).toList());
    return claims;
  }

  private String sign(ObjectNode claims) {
    String header =
        B64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
    String payload = B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    String signingInput = header + "." + payload;
    return signingInput + "." + B64.encodeToString(hmac(signingInput));
  }

  private byte[] hmac(String input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What a valid, unexpired token this simulator issued grants, in a tenant it still serves; null
   * for anything else.
   */
  public Grant verify(String token) {
    if (token == null) {
      return null;
    }
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return null;
    }
    byte[] expected = hmac(parts[0] + "." + parts[1]);
    byte[] actual;
    try {
      actual = Base64.getUrlDecoder().decode(parts[2]);
      if (!MessageDigest.isEqual(expected, actual)) {
        return null;
      }
      JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
      if (claims.path("exp").asLong() < Instant.now().getEpochSecond()) {
        return null;
      }
      SimTenant tenant = tenants.byId(claims.path("tid").asText());
      if (tenant == null) {
        return null;
      }
      List<String> granted = new ArrayList<>();
      claims.path("roles").forEach(r -> granted.add(r.asText()));
      return new Grant(tenant.id(), Set.copyOf(granted));
    } catch (IllegalArgumentException | java.io.IOException e) {
      return null;
    }
  }

  private TokenAnswer error(int status, String error, String description, int code) {
    ObjectNode body = json.createObjectNode();
    String traceId = UUID.randomUUID().toString();
    String correlationId = UUID.randomUUID().toString();
    body.put("error", error);
    body.put(
        "error_description",
        description
            + "\r\nTrace ID: "
            + traceId
            + "\r\nCorrelation ID: "
            + correlationId
            + "\r\nTimestamp: "
            + Instant.now());
    body.putArray("error_codes").add(code);
    body.put("timestamp", Instant.now().toString());
    body.put("trace_id", traceId);
    body.put("correlation_id", correlationId);
    return new TokenAnswer(status, body);
  }
}
