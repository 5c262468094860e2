package io.cordon.graphsim.service;

import io.cordon.graphsim.model.JournalEntry;
import io.cordon.graphsim.model.SimGroup;
import io.cordon.graphsim.model.SimRole;
import io.cordon.graphsim.model.SimUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What /_sim shows: per-user state, the journal, counters; and reset. */
@ApplicationScoped
public class SimInspection {
  @Inject TenantState state;
  @Inject CallJournal journal;
  @Inject SimTenants tenants;

  /** Null for an unknown user. */
  public Map<String, Object> user(String idOrUpn) {
    return state.apply(
        d -> {
          SimUser user = d.user(idOrUpn);
          if (user == null) {
            return null;
          }
          Map<String, Object> view = summary(d, user);
          view.put("displayName", user.displayName);
          view.put("mailboxEnabled", user.mailboxEnabled);
          view.put("lastPasswordChangeDateTime", text(user.lastPasswordChangeDateTime));
          view.put("passwordChangeCount", user.passwordChanges.size());
          view.put("passwordChanges", texts(user.passwordChanges));
          view.put("signInSessionsValidFromDateTime", text(user.signInSessionsValidFromDateTime));
          view.put("sessionRevocationCount", user.sessionRevocations.size());
          view.put("sessionRevocations", texts(user.sessionRevocations));
          view.put("accountEnabledChanges", texts(user.accountEnabledChanges));
          Map<String, Object> risk = new LinkedHashMap<>();
          risk.put("state", user.riskState);
          risk.put("level", user.riskLevel);
          risk.put("lastUpdatedDateTime", text(user.riskLastUpdatedDateTime));
          view.put("risk", risk);
          List<Map<String, Object>> groups = new ArrayList<>();
          for (SimGroup group : d.transitiveGroupsOf(user.id)) {
            groups.add(Map.of("id", group.id(), "displayName", group.displayName()));
          }
          view.put("groups", groups);
          List<Map<String, Object>> roles = new ArrayList<>();
          for (SimRole role : d.rolesOf(user.id)) {
            roles.add(Map.of("id", role.id, "displayName", role.displayName));
          }
          view.put("directoryRoles", roles);
          view.put(
              "authenticationMethods",
              user.authenticationMethods.stream()
                  .map(
                      m ->
                          Map.of(
                              "id",
                              m.id(),
                              "type",
                              m.type(),
                              "createdDateTime",
                              m.properties() == null
                                  ? ""
                                  : m.properties().path("createdDateTime").asText("")))
                  .toList());
          view.put(
              "messageRules",
              user.messageRules.stream()
                  .map(
                      r ->
                          Map.of(
                              "id", r.path("id").asText(),
                              "displayName", r.path("displayName").asText(),
                              "forwards", forwards(r),
                              "actions", fieldNames(r.path("actions"))))
                  .toList());
          view.put(
              "oauth2PermissionGrants",
              d.grantsOf(user.id).stream()
                  .map(g -> Map.of("id", g.id(), "clientId", g.clientId(), "scope", g.scope()))
                  .toList());
          view.put("persistence", persistence(d, user.id));
          view.put("callsByStatus", journal.countsForUser(user.id));
          return view;
        });
  }

  /**
   * What an attacker may have left under the user, as it is now: apps and service principals it
   * owns with their credentials, its app role assignments, devices it registered or owns, and its
   * PIM schedules.
   */
  private static Map<String, Object> persistence(Directory d, String userId) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put(
        "ownedApps",
        d.persistence.ownedBy(userId).stream()
            .map(
                app ->
                    Map.of(
                        "kind", app.kind,
                        "id", app.id,
                        "displayName", app.displayName,
                        "passwordCredentials", credentials(app.passwordCredentials),
                        "keyCredentials", credentials(app.keyCredentials)))
            .toList());
    view.put(
        "appRoleAssignments",
        d.persistence.assignmentsOf(userId).stream()
            .map(
                a ->
                    Map.of(
                        "id", a.id(),
                        "resourceId", a.resourceId(),
                        "createdDateTime", String.valueOf(a.createdDateTime())))
            .toList());
    Map<String, PersistenceObjects.Device> devices = new LinkedHashMap<>();
    d.persistence.registeredBy(userId).forEach(device -> devices.put(device.id, device));
    d.persistence.ownedDevicesOf(userId).forEach(device -> devices.put(device.id, device));
    view.put(
        "devices",
        devices.values().stream()
            .map(
                device ->
                    Map.of(
                        "id", device.id,
                        "displayName", device.displayName,
                        "accountEnabled", device.accountEnabled,
                        "registrationDateTime", String.valueOf(device.registrationDateTime)))
            .toList());
    view.put(
        "roleSchedules",
        d.roleSchedules.stream()
            .filter(schedule -> userId.equals(schedule.principalId()))
            .map(
                schedule ->
                    Map.of(
                        "id", schedule.id(),
                        "eligible", schedule.eligible(),
                        "roleDefinitionId", schedule.roleDefinitionId(),
                        "createdDateTime", String.valueOf(schedule.createdDateTime())))
            .toList());
    return view;
  }

  private static List<Map<String, Object>> credentials(
      List<com.fasterxml.jackson.databind.node.ObjectNode> credentials) {
    return credentials.stream()
        .map(
            c ->
                Map.<String, Object>of(
                    "keyId", c.path("keyId").asText(),
                    "displayName", c.path("displayName").asText(""),
                    "startDateTime", c.path("startDateTime").asText("")))
        .toList();
  }

  public List<Map<String, Object>> users() {
    return state.apply(
        d -> {
          List<Map<String, Object>> all = new ArrayList<>();
          for (SimUser user : d.users()) {
            all.add(summary(d, user));
          }
          return all;
        });
  }

  private static Map<String, Object> summary(Directory d, SimUser user) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", user.id);
    view.put("userPrincipalName", user.userPrincipalName);
    view.put("kind", kind(d, user));
    view.put("userType", user.userType);
    view.put("accountEnabled", user.accountEnabled);
    view.put("onPremisesSyncEnabled", user.onPremisesSyncEnabled);
    return view;
  }

  /** admin (holds a directory role), guest, synced or member. */
  static String kind(Directory d, SimUser user) {
    if (user.guest()) {
      return "guest";
    }
    if (!d.rolesOf(user.id).isEmpty()) {
      return "admin";
    }
    return user.onPremisesSyncEnabled ? "synced" : "member";
  }

  private static List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static boolean forwards(com.fasterxml.jackson.databind.JsonNode rule) {
    var actions = rule.path("actions");
    return actions.path("forwardTo").size() > 0
        || actions.path("redirectTo").size() > 0
        || actions.path("forwardAsAttachmentTo").size() > 0;
  }

  /** {@code tenantId} null: every tenant's calls; a user is looked up in the current tenant. */
  public List<JournalEntry> journal(
      String tenantId, String user, String action, Integer status, Boolean effective, int limit) {
    String userId =
        user == null
            ? null
            : state.apply(d -> d.user(user) == null ? user.toLowerCase() : d.user(user).id);
    return journal.find(
        e ->
            (tenantId == null || tenantId.equalsIgnoreCase(e.tenantId()))
                && (userId == null || e.userIds().contains(userId))
                && (action == null || e.action().equals(action))
                && (status == null || e.status() == status)
                && (effective == null || e.effective() == effective),
        limit);
  }

  public Map<String, Object> counts() {
    return journal.counts();
  }

  /** Every tenant back to its seed and start-up settings; journal and counters empty. */
  public void reset() {
    tenants.resetAll();
    journal.clear();
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static List<String> texts(List<Instant> instants) {
    return instants.stream().map(Instant::toString).toList();
  }
}
