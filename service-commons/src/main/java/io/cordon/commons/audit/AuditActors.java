package io.cordon.commons.audit;

import io.cordon.commons.security.Roles;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is acting now: the authenticated caller of the current request, else this service (a
 * consumer, a timer, a worker).
 */
@ApplicationScoped
public class AuditActors {
  private static final List<String> CORDON_ROLES =
      List.of(
          Roles.ADMIN,
          Roles.APPROVER,
          Roles.DETECTOR,
          Roles.HELPDESK,
          Roles.RESPONDER,
          Roles.VIEWER);

  @ConfigProperty(name = "quarkus.application.name", defaultValue = "cordon")
  String serviceName;

  public AuditActor current() {
    SecurityIdentity identity = requestIdentity();
    if (identity == null || identity.isAnonymous()) {
      return service();
    }
    String roles = CORDON_ROLES.stream().filter(identity::hasRole).collect(Collectors.joining(","));
    return new AuditActor(
        AuditActor.Type.PRINCIPAL,
        identity.getPrincipal().getName(),
        roles.isEmpty() ? null : roles);
  }

  public AuditActor service() {
    return new AuditActor(AuditActor.Type.SERVICE, serviceName, null);
  }

  /** The request's correlation id, or null when no HTTP request is being served. */
  String requestCorrelationId() {
    if (!requestActive()) {
      return null;
    }
    return Arc.container().instance(CorrelationId.class).get().value();
  }

  private static SecurityIdentity requestIdentity() {
    if (!requestActive()) {
      return null;
    }
    var identity = Arc.container().instance(SecurityIdentity.class);
    return identity.isAvailable() ? identity.get() : null;
  }

  private static boolean requestActive() {
    return Arc.container().requestContext().isActive();
  }
}
