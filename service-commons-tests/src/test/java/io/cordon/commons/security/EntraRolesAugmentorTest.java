package io.cordon.commons.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** Roles come from one configured claim, never from {@code groups} merged in. */
class EntraRolesAugmentorTest {

  private static JsonWebToken token(Map<String, Object> claims) {
    JwtClaims jwt = new JwtClaims();
    jwt.setSubject("someone");
    claims.forEach(jwt::setClaim);
    return new DefaultJWTCallerPrincipal(jwt);
  }

  /** What MicroProfile JWT builds: the {@code groups} claim as roles. */
  private static QuarkusSecurityIdentity asSmallRyeBuildsIt(JsonWebToken jwt) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(jwt)
        .addRoles(jwt.getGroups() == null ? Set.of() : jwt.getGroups())
        .build();
  }

  @Test
  void groupsGrantNothingWhenRolesIsTheConfiguredClaim() {
    JsonWebToken jwt = token(Map.of("groups", List.of("admin"), "roles", List.of("viewer")));

    var identity =
        EntraRolesAugmentor.withRoles(
            asSmallRyeBuildsIt(jwt), EntraRolesAugmentor.rolesIn(jwt, "roles"));

    assertThat(identity.getRoles()).containsExactly("viewer");
    assertThat(identity.hasRole("admin")).isFalse();
    assertThat(identity.getPrincipal()).isSameAs(jwt);
  }

  @Test
  void theConfiguredClaimMayBeAnotherOne() {
    JsonWebToken jwt = token(Map.of("groups", List.of("admin"), "roles", List.of("viewer")));

    assertThat(EntraRolesAugmentor.rolesIn(jwt, "groups")).containsExactly("admin");
    assertThat(EntraRolesAugmentor.rolesIn(jwt, "cordon_roles")).isEmpty();
  }

  @Test
  void aSingleStringIsOneRole() {
    JsonWebToken jwt = token(Map.of("roles", "responder"));

    assertThat(EntraRolesAugmentor.rolesIn(jwt, "roles")).containsExactly("responder");
  }
}
