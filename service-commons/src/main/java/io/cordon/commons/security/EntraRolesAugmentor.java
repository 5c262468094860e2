package io.cordon.commons.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Roles come from one configured claim ({@link TokenConfig#rolesClaim()}, Entra's app roles {@code
 * roles} by default) and from nothing else: the identity MicroProfile JWT built from {@code groups}
 * is replaced, not added to. Merging both let a tenant group or another app's role that happens to
 * be called {@code admin} grant Cordon's admin.
 */
@ApplicationScoped
public class EntraRolesAugmentor implements SecurityIdentityAugmentor {

  @Inject TokenConfig config;

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
      return Uni.createFrom().item(identity);
    }
    return Uni.createFrom().item(withRoles(identity, rolesIn(jwt, config.rolesClaim())));
  }

  static SecurityIdentity withRoles(SecurityIdentity identity, Set<String> roles) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(identity.getPrincipal())
        .addCredentials(identity.getCredentials())
        .addAttributes(identity.getAttributes())
        .addPermissionChecker(identity::checkPermission)
        .addRoles(roles)
        .setAnonymous(false)
        .build();
  }

  /** The claim's values: an array of strings (as Entra issues it) or a single string. */
  static Set<String> rolesIn(JsonWebToken jwt, String claim) {
    Object value = jwt.getClaim(claim);
    if (value instanceof JsonArray array) {
      return array.stream()
          .filter(JsonString.class::isInstance)
          .map(v -> ((JsonString) v).getString())
          .collect(Collectors.toSet());
    }
    if (value instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).collect(Collectors.toSet());
    }
    if (value instanceof JsonString text) {
      return Set.of(text.getString());
    }
    if (value instanceof String text) {
      return Set.of(text);
    }
    return Set.of();
  }
}
