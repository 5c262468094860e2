package io.cordon.system;

import io.cordon.local.DevTokens;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tokens no service may accept: expired, forged, unsigned, foreign issuer, another application's
 * (or no) audience, mangled.
 */
final class HostileTokens {
  private static final List<String> ALL_ROLES =
      List.of("admin", "responder", "viewer", "detector", "approver");

  private HostileTokens() {}

  /**
   * Valid for the local stack in every respect, but its admin role sits in {@code groups}, which
   * grants nothing: roles come from the {@code roles} claim only. Services answer it 403.
   */
  static String groupsOnlyAdmin(RunningStack running) throws Exception {
    PrivateKey stackKey = privateKey(running.stack.tokens().privateKeyPem());
    Instant now = Instant.now();
    return Jwt.issuer(DevTokens.ISSUER)
        .audience(DevTokens.AUDIENCE)
        .upn("eve.group-admin@cordon.local")
        .subject("eve.group-admin@cordon.local")
        .groups(Set.of("admin", "responder", "approver"))
        .issuedAt(now)
        .expiresAt(now.plusSeconds(3600))
        .sign(stackKey);
  }

  /** label -> Authorization header value (null: no header at all). */
  static Map<String, String> all(RunningStack running, Path scratch) throws Exception {
    PrivateKey stackKey = privateKey(running.stack.tokens().privateKeyPem());
    Instant now = Instant.now();
    String expired =
        Jwt.issuer(DevTokens.ISSUER)
            .audience(DevTokens.AUDIENCE)
            .upn("ada.admin@cordon.local")
            .claim("roles", ALL_ROLES)
            .issuedAt(now.minusSeconds(7200))
            .expiresAt(now.minusSeconds(3600))
            .sign(stackKey);
    String foreignIssuer =
        Jwt.issuer("https://attacker.example/")
            .audience(DevTokens.AUDIENCE)
            .upn("ada.admin@cordon.local")
            .claim("roles", ALL_ROLES)
            .expiresAt(now.plusSeconds(3600))
            .sign(stackKey);
    // the same issuer and key, minted for another application of the tenant
    String foreignAudience =
        Jwt.issuer(DevTokens.ISSUER)
            .audience("api://another-app")
            .upn("ada.admin@cordon.local")
            .claim("roles", ALL_ROLES)
            .expiresAt(now.plusSeconds(3600))
            .sign(stackKey);
    String noAudience =
        Jwt.issuer(DevTokens.ISSUER)
            .upn("ada.admin@cordon.local")
            .claim("roles", ALL_ROLES)
            .expiresAt(now.plusSeconds(3600))
            .sign(stackKey);
    String forged =
        DevTokens.create(scratch.resolve("forged-keys"))
            .token(
                "ada.admin@cordon.local", "admin", "responder", "viewer", "detector", "approver");
    String valid = running.token("admin");
    String payload = valid.split("\\.")[1];
    String unsigned = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
    String[] parts = valid.split("\\.");
    String tampered =
        parts[0]
            + "."
            + b64(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("\"admin\"", "\"admin\",\"detector\""))
            + "."
            + parts[2];
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("missing", null);
    tokens.put("expired", "Bearer " + expired);
    tokens.put("forged", "Bearer " + forged);
    tokens.put("unsigned", "Bearer " + unsigned);
    tokens.put("tampered", "Bearer " + tampered);
    tokens.put("foreign-issuer", "Bearer " + foreignIssuer);
    tokens.put("foreign-audience", "Bearer " + foreignAudience);
    tokens.put("no-audience", "Bearer " + noAudience);
    tokens.put("garbage", "Bearer not.a.jwt");
    tokens.put("basic", "Basic " + b64("ada.admin:admin"));
    return tokens;
  }

  private static PrivateKey privateKey(Path pem) throws Exception {
    String base64 =
        Files.readString(pem)
            .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
