package io.cordon.cli.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What a bearer token says about its holder, read without checking its signature: only to tell the
 * user who they are signed in as and until when. The services check the signature; this never
 * decides anything.
 */
public record TokenClaims(String name, List<String> roles, Instant expiresAt) {

  /** The claims of a JWT, or an unnamed holder when the token is not a readable JWT. */
  public static TokenClaims peek(String token) {
    String[] parts = token.split("\\.");
    if (parts.length < 2) {
      return new TokenClaims(null, List.of(), null);
    }
    try {
      JsonNode claims =
          new ObjectMapper()
              .readTree(
                  new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      List<String> roles = new ArrayList<>();
      claims.path("groups").forEach(role -> roles.add(role.asText()));
      claims.path("roles").forEach(role -> roles.add(role.asText()));
      Instant expiresAt =
          claims.path("exp").isNumber() ? Instant.ofEpochSecond(claims.path("exp").asLong()) : null;
      return new TokenClaims(
          firstOf(claims, "preferred_username", "upn", "name", "sub"),
          List.copyOf(roles),
          expiresAt);
    } catch (IOException | IllegalArgumentException unreadable) {
      return new TokenClaims(null, List.of(), null);
    }
  }

  public String describe() {
    StringBuilder text = new StringBuilder(name == null ? "an unnamed principal" : name);
    if (!roles.isEmpty()) {
      text.append(" (roles: ").append(String.join(", ", roles)).append(')');
    }
    if (expiresAt != null) {
      text.append(", token valid until ").append(expiresAt);
    }
    return text.toString();
  }

  private static String firstOf(JsonNode claims, String... names) {
    for (String name : names) {
      if (claims.path(name).isTextual()) {
        return claims.path(name).asText();
      }
    }
    return null;
  }
}
