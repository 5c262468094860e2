package io.cordon.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mints RS256 bearer tokens that services configured by {@link TestJwtResource} accept, and a few
 * they must reject. The key pair under {@code cordon-test-jwt/} is for tests only.
 */
public final class TestJwt {

  public static final String ISSUER = "https://cordon.test/issuer";

  /** The {@code aud} services under test accept ({@link TestJwtResource}). */
  public static final String AUDIENCE = "https://cordon.test/api";

  public static final String PUBLIC_KEY_LOCATION = "cordon-test-jwt/publicKey.pem";
  public static final String PRIVATE_KEY_LOCATION = "cordon-test-jwt/privateKey.pem";

  public static final String VIEWER = "viewer";
  public static final String RESPONDER = "responder";
  public static final String APPROVER = "approver";
  public static final String DETECTOR = "detector";
  public static final String ADMIN = "admin";
  public static final String HELPDESK = "helpdesk";

  private static final Duration LIFETIME = Duration.ofHours(1);
  private static PrivateKey signingKey;
  private static PrivateKey unknownKey;

  private TestJwt() {}

  /**
   * Roles in the {@code roles} claim (Entra ID's app roles, the claim services read by default) and
   * this service's audience.
   */
  public static String token(String principal, String... roles) {
    return claims(principal, Instant.now()).claim("roles", List.of(roles)).sign(signingKey());
  }

  /** The same as {@link #token}: Entra ID issues app roles in the {@code roles} claim. */
  public static String entraToken(String principal, String... roles) {
    return token(principal, roles);
  }

  /**
   * Roles in the {@code groups} claim only (MicroProfile JWT's default): services read roles from
   * one configured claim, {@code roles}, so these grant nothing. An Entra tenant's group or another
   * app's role named {@code admin} must not make its holder Cordon's admin.
   */
  public static String groupsToken(String principal, String... roles) {
    return claims(principal, Instant.now()).groups(Set.of(roles)).sign(signingKey());
  }

  /** Valid in every respect except its audience: minted for another application of the tenant. */
  public static String tokenForAudience(String audience, String principal, String... roles) {
    return claims(principal, Instant.now())
        .audience(audience)
        .claim("roles", List.of(roles))
        .sign(signingKey());
  }

  /** Valid in every respect except that it names no audience at all. */
  public static String tokenWithoutAudience(String principal, String... roles) {
    Instant now = Instant.now();
    return Jwt.issuer(ISSUER)
        .upn(principal)
        .subject(principal)
        .claim("roles", List.of(roles))
        .issuedAt(now)
        .expiresAt(now.plus(LIFETIME))
        .sign(signingKey());
  }

  /**
   * Exactly the given claims (such as {@code sub}, {@code upn}, {@code tid}, {@code oid}, {@code
   * scp}, {@code idtyp}) plus this issuer and audience, the roles in {@code roles} (unless none are
   * given and the claims carry their own) and a valid lifetime: for tests of who a token stands
   * for.
   */
  public static String tokenWithClaims(Map<String, Object> claims, String... roles) {
    Instant now = Instant.now();
    var token = Jwt.claims(claims).issuer(ISSUER).audience(AUDIENCE);
    // roles given in the claims themselves (an app's client-credentials token) stay as they are
    if (roles.length > 0 || !claims.containsKey("roles")) {
      token.claim("roles", List.of(roles));
    }
    return token.issuedAt(now).expiresAt(now.plus(LIFETIME)).sign(signingKey());
  }

  /** The identity services derive from a token of {@link #token} for this principal. */
  public static String identityOf(String principal) {
    return "iss:" + ISSUER + " " + principal;
  }

  /** Correctly signed, but expired an hour ago. */
  public static String expiredToken(String principal, String... roles) {
    Instant twoHoursAgo = Instant.now().minus(LIFETIME.multipliedBy(2));
    return claims(principal, twoHoursAgo).claim("roles", List.of(roles)).sign(signingKey());
  }

  /** Valid in every respect except that no service trusts the key it is signed with. */
  public static String tokenSignedByUnknownKey(String principal, String... roles) {
    return claims(principal, Instant.now()).claim("roles", List.of(roles)).sign(unknownKey());
  }

  private static JwtClaimsBuilder claims(String principal, Instant issuedAt) {
    return Jwt.issuer(ISSUER)
        .audience(AUDIENCE)
        .upn(principal)
        .subject(principal)
        .issuedAt(issuedAt)
        .expiresAt(issuedAt.plus(LIFETIME));
  }

  private static synchronized PrivateKey signingKey() {
    if (signingKey == null) {
      signingKey = PemKeys.privateKey(PRIVATE_KEY_LOCATION);
    }
    return signingKey;
  }

  private static synchronized PrivateKey unknownKey() {
    if (unknownKey == null) {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        unknownKey = generator.generateKeyPair().getPrivate();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return unknownKey;
  }
}
