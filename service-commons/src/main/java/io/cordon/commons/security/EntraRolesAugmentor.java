package io.cordon.commons.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Entra ID puts app roles in a {@code roles} claim while MicroProfile JWT reads {@code groups}; a
 * token may carry either, so both grant roles.
 */
@ApplicationScoped
public class EntraRolesAugmentor implements SecurityIdentityAugmentor {

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
      return Uni.createFrom().item(identity);
    }
    Set<String> entraRoles = rolesClaim(jwt);
    if (entraRoles.isEmpty()) {
      return Uni.createFrom().item(identity);
    }
    return Uni.createFrom()
        .item(QuarkusSecurityIdentity.builder(identity).addRoles(entraRoles).build());
  }

  private static Set<String> rolesClaim(JsonWebToken jwt) {
    Object claim = jwt.getClaim("roles");
    if (claim instanceof JsonArray array) {
      return array.stream()
          .filter(JsonString.class::isInstance)
          .map(v -> ((JsonString) v).getString())
          .collect(Collectors.toSet());
    }
    if (claim instanceof Set<?> set) {
      return set.stream().map(String::valueOf).collect(Collectors.toSet());
    }
    return Set.of();
  }
}
