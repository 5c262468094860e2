package io.cordon.commons.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** The identity four eyes compares, and which tokens stand for no person. */
class TokenIdentityTest {
  private static final String TENANT = "72F988BF-86F1-41AF-91AB-2D7CD011DB47";
  private static final String OBJECT = "5D6B5B2B-0A3C-4F7E-9C1B-6A1E2F3D4C5B";

  private static JsonWebToken token(Map<String, Object> claims) {
    JwtClaims jwt = new JwtClaims();
    claims.forEach(jwt::setClaim);
    return new DefaultJWTCallerPrincipal(jwt);
  }

  @Test
  void issuerAndSubjectIdentifyAnyOidcToken() {
    JsonWebToken token =
        token(
            Map.of(
                "iss", "https://idp.example/realms/cordon",
                "sub", "f:3b2c:alice",
                "upn", "alice@jaxa.example"));

    assertThat(TokenIdentity.idOf(token))
        .contains("iss:https://idp.example/realms/cordon f:3b2c:alice");
  }

  @Test
  void theNameIsNotPartOfTheIdentity() {
    Map<String, Object> before =
        Map.of("iss", "https://idp.example", "sub", "s-1", "upn", "intern@jaxa.example");
    Map<String, Object> renamed =
        Map.of("iss", "https://idp.example", "sub", "s-1", "upn", "ciso@jaxa.example");
    Map<String, Object> namesake =
        Map.of("iss", "https://idp.example", "sub", "s-2", "upn", "intern@jaxa.example");

    assertThat(TokenIdentity.idOf(token(renamed))).isEqualTo(TokenIdentity.idOf(token(before)));
    assertThat(TokenIdentity.idOf(token(namesake))).isNotEqualTo(TokenIdentity.idOf(token(before)));
  }

  @Test
  void entraTenantAndObjectIdWinOverIssuerAndSubject() {
    // v1 and v2 tokens of one user differ in iss and (pairwise) sub, never in tid and oid
    JsonWebToken v1 =
        token(
            Map.of(
                "iss",
                "https://sts.windows.net/" + TENANT + "/",
                "sub",
                "pairwise-for-app-a",
                "tid",
                TENANT,
                "oid",
                OBJECT,
                "scp",
                "access_as_user"));
    JsonWebToken v2 =
        token(
            Map.of(
                "iss",
                "https://login.microsoftonline.com/" + TENANT + "/v2.0",
                "sub",
                "pairwise-for-app-b",
                "tid",
                TENANT.toLowerCase(),
                "oid",
                OBJECT.toLowerCase(),
                "scp",
                "access_as_user"));

    assertThat(TokenIdentity.idOf(v1))
        .contains("entra:" + TENANT.toLowerCase() + "/" + OBJECT.toLowerCase());
    assertThat(TokenIdentity.idOf(v2)).isEqualTo(TokenIdentity.idOf(v1));
  }

  @Test
  void aTokenWithoutSubjectOrObjectIdHasNoIdentity() {
    assertThat(
            TokenIdentity.idOf(token(Map.of("iss", "https://idp.example", "upn", "a@b.example"))))
        .isEmpty();
  }

  @Test
  void idtypAppMarksAnApplicationsOwnToken() {
    JsonWebToken app =
        token(
            Map.of(
                "iss", "https://idp.example",
                "sub", "client-42",
                "idtyp", "app",
                "roles", List.of("approver")));

    assertThat(TokenIdentity.applicationReason(app))
        .hasValueSatisfying(r -> assertThat(r).contains("idtyp"));
  }

  @Test
  void anEntraTokenWithoutScopesIsAnApplicationsOwn() {
    JsonWebToken clientCredentials =
        token(
            Map.of(
                "iss", "https://login.microsoftonline.com/" + TENANT + "/v2.0",
                "sub", OBJECT,
                "tid", TENANT,
                "oid", OBJECT,
                "roles", List.of("approver")));
    JsonWebToken signedInUser =
        token(
            Map.of(
                "iss",
                "https://login.microsoftonline.com/" + TENANT + "/v2.0",
                "sub",
                "pairwise",
                "tid",
                TENANT,
                "oid",
                OBJECT,
                "scp",
                "access_as_user",
                "roles",
                List.of("approver")));

    assertThat(TokenIdentity.applicationReason(clientCredentials)).isPresent();
    assertThat(TokenIdentity.applicationReason(signedInUser)).isEmpty();
  }

  @Test
  void anOidcUserTokenIsAPersons() {
    JsonWebToken user =
        token(Map.of("iss", "https://idp.example", "sub", "s-1", "groups", List.of("approver")));

    assertThat(TokenIdentity.applicationReason(user)).isEmpty();
  }
}
