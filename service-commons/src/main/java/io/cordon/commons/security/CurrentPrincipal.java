package io.cordon.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Who is calling, as recorded in runs, approvals and the audit log. */
@RequestScoped
public class CurrentPrincipal {
  @Inject SecurityIdentity identity;

  public String name() {
    return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
  }

  public boolean hasRole(String role) {
    return identity.hasRole(role);
  }
}
