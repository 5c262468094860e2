package io.cordon.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class TestJwtTest {

  private final JwtConsumer verifier =
      new JwtConsumerBuilder()
          .setVerificationKey(PemKeys.publicKey(TestJwt.PUBLIC_KEY_LOCATION))
          .setExpectedIssuer(TestJwt.ISSUER)
          .setExpectedAudience(TestJwt.AUDIENCE)
          .setRequireExpirationTime()
          .setRequireSubject()
          .build();

  @Test
  void tokenVerifiesAndCarriesRolesInTheRolesClaimForTheTestAudience() throws Exception {
    JwtClaims claims =
        verifier.processToClaims(
            TestJwt.token("alice@cordon.test", TestJwt.RESPONDER, TestJwt.VIEWER));

    assertThat(claims.getSubject()).isEqualTo("alice@cordon.test");
    assertThat(claims.getStringClaimValue("upn")).isEqualTo("alice@cordon.test");
    assertThat(claims.getStringListClaimValue("roles"))
        .containsExactlyInAnyOrder("responder", "viewer");
    assertThat(claims.hasClaim("groups")).isFalse();
    assertThat(claims.getAudience()).containsExactly(TestJwt.AUDIENCE);
    long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
    assertThat(lifetime).isEqualTo(3600);
  }

  @Test
  void entraTokenCarriesRolesInTheRolesClaim() throws Exception {
    JwtClaims claims =
        verifier.processToClaims(TestJwt.entraToken("detector-app", TestJwt.DETECTOR));

    assertThat(claims.getStringListClaimValue("roles")).containsExactly("detector");
    assertThat(claims.hasClaim("groups")).isFalse();
  }

  @Test
  void groupsTokenCarriesRolesInGroupsOnly() throws Exception {
    JwtClaims claims = verifier.processToClaims(TestJwt.groupsToken("eve", TestJwt.ADMIN));

    assertThat(claims.getStringListClaimValue("groups")).containsExactly("admin");
    assertThat(claims.hasClaim("roles")).isFalse();
  }

  @Test
  void tokensForAnotherOrNoAudienceAreRejected() {
    String other = TestJwt.tokenForAudience("api://another-app", "eve", TestJwt.ADMIN);
    String none = TestJwt.tokenWithoutAudience("eve", TestJwt.ADMIN);

    assertThatThrownBy(() -> verifier.processToClaims(other))
        .isInstanceOf(InvalidJwtException.class)
        .hasMessageContaining("Audience");
    assertThatThrownBy(() -> verifier.processToClaims(none))
        .isInstanceOf(InvalidJwtException.class)
        .hasMessageContaining("Audience");
  }

  @Test
  void expiredTokenIsRejected() {
    String token = TestJwt.expiredToken("alice@cordon.test", TestJwt.ADMIN);

    assertThatThrownBy(() -> verifier.processToClaims(token))
        .isInstanceOfSatisfying(
            InvalidJwtException.class, e -> assertThat(e.hasExpired()).as(e.getMessage()).isTrue());
  }

  @Test
  void tokenSignedByUnknownKeyIsRejected() {
    String token = TestJwt.tokenSignedByUnknownKey("mallory@cordon.test", TestJwt.APPROVER);

    assertThatThrownBy(() -> verifier.processToClaims(token))
        .isInstanceOf(InvalidJwtException.class)
        .hasMessageContaining("signature");
  }

  @Test
  void resourceTrustsThePublicKeyOnTheClasspath() {
    Map<String, String> config = new TestJwtResource().start();

    assertThat(config)
        .containsEntry("mp.jwt.verify.issuer", "https://cordon.test/issuer")
        .containsEntry("mp.jwt.verify.audiences", "https://cordon.test/api")
        .containsEntry("mp.jwt.verify.publickey.location", "cordon-test-jwt/publicKey.pem");
    assertThat(PemKeys.publicKey(config.get("mp.jwt.verify.publickey.location")).getEncoded())
        .isEqualTo(PemKeys.publicKey(TestJwt.PUBLIC_KEY_LOCATION).getEncoded());
    assertThat(config.get("mp.jwt.verify.publickey")).startsWith("-----BEGIN PUBLIC KEY-----");
  }
}
