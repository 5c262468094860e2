package io.cordon.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as recorded in runs, approvals and the audit log: a name to show people, and an
 * identity ({@link TokenIdentity}) to compare, since names change.
 */
@RequestScoped
public class CurrentPrincipal {
  @Inject SecurityIdentity identity;

  public String name() {
    return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
  }

  /** The caller's unchangeable identity; null when the token names none (or there is no token). */
  public String id() {
    return token().flatMap(TokenIdentity::idOf).orElse(null);
  }

  /** Why the caller is an application acting as itself; empty for a person. */
  public Optional<String> applicationReason() {
    return token().flatMap(TokenIdentity::applicationReason);
  }

  public boolean hasRole(String role) {
    return identity.hasRole(role);
  }

  private Optional<JsonWebToken> token() {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
      return Optional.empty();
    }
    return Optional.of(jwt);
  }
}
