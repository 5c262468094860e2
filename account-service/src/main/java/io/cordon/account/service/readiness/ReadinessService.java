package io.cordon.account.service.readiness;

import io.cordon.account.client.GraphPermissions;
import io.cordon.account.client.GraphPermissions.AppDirectoryRole;
import io.cordon.account.client.GraphPermissions.AppDirectoryRoles;
import io.cordon.account.config.GraphConfig;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.config.TenantRegistry;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.GraphPermissionRules;
import io.cordon.contracts.events.GraphAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Compares what each action needs with what Entra grants the app: application permissions from the
 * token's {@code roles} claim and, for resets and disables of administrators, a directory role of
 * the app's service principal. Reads only; never writes to Graph.
 */
@ApplicationScoped
public class ReadinessService {
  private static final Logger LOG = Logger.getLogger(ReadinessService.class);

  @Inject GraphPermissions permissions;
  @Inject GraphConfig config;
  @Inject TenantRegistry tenants;

  private record RolesRead(AppDirectoryRoles roles, Instant readAt) {}

  /** Per tenant name: the app's directory roles as last read there. */
  private final Map<String, RolesRead> lastRoles = new ConcurrentHashMap<>();

  /** The primary tenant's check. */
  public GraphReadiness check() {
    return check(tenants.primary());
  }

  /** A check against a token newly issued in the tenant and its directory roles read now. */
  public GraphReadiness check(GraphTenant tenant) {
    Set<String> granted;
    try {
      granted = permissions.grantedNow(tenant);
    } catch (RuntimeException e) {
      LOG.warnf("No Graph access token for the readiness check: %s", e.getMessage());
      throw new ProblemException(
          ProblemType.SERVICE_UNAVAILABLE,
          "Entra issued no access token for client "
              + tenant.clientId()
              + " in tenant "
              + tenant.name()
              + " ("
              + tenant.tenantId()
              + ")"
              + ": "
              + e.getClass().getSimpleName());
    }
    AppDirectoryRoles roles = readRoles(tenant);
    Set<String> roleKeys = keysOf(roles);
    List<ActionReadiness> actions = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (ActionType action : ActionType.values()) {
      if (action == ActionType.NOTIFY_PARTNERS) {
        continue; // notification-service's, not a Graph call
      }
      String lacking = GraphPermissionRules.missingFor(action, granted);
      if (lacking == null && roles.unreadable() == null) {
        lacking = GraphPermissionRules.missingAppRoleFor(action, roleKeys);
      }
      PrivilegedTargets privileged = privilegedTargets(action, roles, roleKeys);
      if (lacking != null) {
        missing.add(lacking);
      }
      if (privileged != null && !privileged.ready()) {
        missing.add(privileged.missing());
      }
      actions.add(
          new ActionReadiness(
              action,
              lacking == null && (privileged == null || privileged.ready()),
              GraphPermissionRules.alternatives(action),
              lacking,
              privileged));
    }
    return new GraphReadiness(
        tenant.tenantId(),
        tenant.clientId(),
        Instant.now(),
        missing.isEmpty(),
        List.copyOf(new TreeSet<>(granted)),
        roles.roles(),
        roles.unreadable(),
        actions,
        List.copyOf(missing));
  }

  /**
   * The app's directory roles (template ids and names) for the executor's preflight, read at most
   * every {@code cordon.graph.directory-roles-max-age}; null when Graph would not say.
   */
  public Set<String> directoryRoleKeys() {
    return directoryRoleKeys(tenants.primary());
  }

  /** As {@link #directoryRoleKeys()}, in the given tenant. */
  public Set<String> directoryRoleKeys(GraphTenant tenant) {
    RolesRead last = lastRoles.get(tenant.name());
    if (last == null || last.readAt().plus(config.directoryRolesMaxAge()).isBefore(Instant.now())) {
      readRoles(tenant);
      last = lastRoles.get(tenant.name());
    }
    return last.roles().unreadable() == null ? keysOf(last.roles()) : null;
  }

  /**
   * What the app may do, as a published report carries it for the run's preflight: the cached
   * token's permissions and the directory roles read at most every {@code
   * cordon.graph.directory-roles-max-age}; null when no token can be had (the run then relies on
   * the per-action preflight).
   */
  public GraphAccess snapshot() {
    return snapshot(tenants.primary());
  }

  /**
   * As {@link #snapshot()} for a report whose accounts live in these tenants: what the app may do
   * in every one of them (permissions and roles all of them grant; a tenant whose roles are
   * unreadable makes them unreadable), so a run's preflight never counts on one tenant's grant for
   * another tenant's account. Null when any tenant gives no token.
   */
  public GraphAccess snapshot(Collection<GraphTenant> reportTenants) {
    GraphAccess shared = null;
    for (GraphTenant tenant : new LinkedHashSet<>(reportTenants)) {
      GraphAccess access = snapshot(tenant);
      if (access == null) {
        return null;
      }
      shared = shared == null ? access : common(shared, access, tenant);
    }
    return shared == null ? snapshot() : shared;
  }

  private static GraphAccess common(GraphAccess a, GraphAccess b, GraphTenant bTenant) {
    List<String> permissions = a.permissions().stream().filter(b.permissions()::contains).toList();
    List<String> roles = a.directoryRoles().stream().filter(b.directoryRoles()::contains).toList();
    String unreadable =
        a.directoryRolesUnreadable() != null
            ? a.directoryRolesUnreadable()
            : b.directoryRolesUnreadable() == null
                ? null
                : "tenant " + bTenant.name() + ": " + b.directoryRolesUnreadable();
    return new GraphAccess(permissions, roles, unreadable, a.checkedAt());
  }

  private GraphAccess snapshot(GraphTenant tenant) {
    Set<String> granted;
    try {
      granted = permissions.granted(tenant);
    } catch (RuntimeException e) {
      LOG.warnf("No Graph access token for a report's preflight: %s", e.getMessage());
      return null;
    }
    directoryRoleKeys(tenant);
    RolesRead last = lastRoles.get(tenant.name());
    List<String> roles = new ArrayList<>();
    last.roles()
        .roles()
        .forEach(
            role ->
                Arrays.asList(role.roleTemplateId(), role.displayName()).stream()
                    .filter(k -> k != null)
                    .forEach(roles::add));
    return new GraphAccess(
        List.copyOf(new TreeSet<>(granted)), roles, last.roles().unreadable(), Instant.now());
  }

  private AppDirectoryRoles readRoles(GraphTenant tenant) {
    AppDirectoryRoles roles = permissions.directoryRoles(tenant);
    lastRoles.put(tenant.name(), new RolesRead(roles, Instant.now()));
    return roles;
  }

  private static PrivilegedTargets privilegedTargets(
      ActionType action, AppDirectoryRoles roles, Set<String> roleKeys) {
    if (!GraphPermissionRules.PRIVILEGED_TARGET_ACTIONS.contains(action)) {
      return null;
    }
    String anyOf = GraphPermissionRules.privilegedTargetRoles();
    if (roles.unreadable() != null) {
      return new PrivilegedTargets(
          false,
          anyOf,
          "directory roles of the app unknown ("
              + roles.unreadable()
              + "; reading them needs Application.Read.All or Directory.Read.All): "
              + action
              + " of a privileged account needs "
              + anyOf);
    }
    String missing = GraphPermissionRules.missingRoleFor(action, roleKeys);
    return new PrivilegedTargets(missing == null, anyOf, missing);
  }

  private static Set<String> keysOf(AppDirectoryRoles roles) {
    Set<String> keys = new HashSet<>();
    for (AppDirectoryRole role : roles.roles()) {
      Arrays.asList(role.roleTemplateId(), role.displayName()).stream()
          .filter(k -> k != null)
          .forEach(keys::add);
    }
    return keys;
  }
}
