package io.cordon.graphsim.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.graphsim.model.SeedFile;
import io.cordon.graphsim.model.SimGrant;
import io.cordon.graphsim.model.SimGroup;
import io.cordon.graphsim.model.SimRole;
import io.cordon.graphsim.model.SimRoleSchedule;
import io.cordon.graphsim.model.SimUser;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant's live state, built from a seed. Not thread-safe by itself: {@link TenantState}
 * serialises access.
 */
public class Directory {
  public final String tenantId;
  public final String domain;
  private final Map<String, SimUser> usersById = new LinkedHashMap<>();
  private final Map<String, String> userIdByUpn = new HashMap<>();
  private final Map<String, SimGroup> groupsById = new LinkedHashMap<>();
  private final Map<String, SimRole> rolesById = new LinkedHashMap<>();
  private final Map<String, SimGrant> grantsById = new LinkedHashMap<>();
  private final Map<String, Set<String>> parentGroupsOf = new HashMap<>();
  public final PersistenceObjects persistence;

  public Directory(SeedFile seed, String defaultTenantId, String defaultDomain) {
    this.tenantId =
        seed.tenant() != null && seed.tenant().id() != null ? seed.tenant().id() : defaultTenantId;
    this.domain =
        seed.tenant() != null && seed.tenant().domain() != null
            ? seed.tenant().domain()
            : defaultDomain;
    seed.users().forEach(this::addUser);
    for (SeedFile.GroupSeed group : seed.groups()) {
      String id = group.id() == null ? UUID.randomUUID().toString() : group.id().toLowerCase();
      groupsById.put(
          id,
          new SimGroup(
              id,
              group.displayName(),
              group.description(),
              List.of(),
              Boolean.TRUE.equals(group.isAssignableToRole())));
    }
    for (SeedFile.GroupSeed group : seed.groups()) {
      String id = group.id() == null ? null : group.id().toLowerCase();
      SimGroup existing = id == null ? findGroupByName(group.displayName()) : groupsById.get(id);
      List<String> members = new ArrayList<>();
      for (String member : group.members() == null ? List.<String>of() : group.members()) {
        String memberId = resolveMember(member);
        members.add(memberId);
        parentGroupsOf.computeIfAbsent(memberId, k -> new LinkedHashSet<>()).add(existing.id());
      }
      groupsById.put(
          existing.id(),
          new SimGroup(
              existing.id(),
              existing.displayName(),
              existing.description(),
              members,
              existing.isAssignableToRole()));
    }
    for (SeedFile.RoleScheduleSeed schedule : seed.roleSchedules()) {
      roleSchedules.add(
          new SimRoleSchedule(
              schedule.id() == null ? UUID.randomUUID().toString() : schedule.id(),
              !"active".equalsIgnoreCase(schedule.kind()),
              resolveMember(schedule.principal()),
              schedule.roleDefinitionId(),
              schedule.directoryScopeId() == null ? "/" : schedule.directoryScopeId(),
              schedule.createdDateTime() == null
                  ? Instant.parse("2024-01-15T00:00:00Z")
                  : schedule.createdDateTime().startsWith("now-")
                      ? Instant.now()
                          .minus(java.time.Duration.parse(schedule.createdDateTime().substring(4)))
                      : Instant.parse(schedule.createdDateTime())));
    }
    for (SeedFile.RoleSeed role : seed.directoryRoles()) {
      String id = role.id() == null ? UUID.randomUUID().toString() : role.id().toLowerCase();
      SimRole simRole = new SimRole(id, role.displayName(), role.roleTemplateId());
      for (String member : role.members() == null ? List.<String>of() : role.members()) {
        simRole.memberIds.add(resolveMember(member));
      }
      rolesById.put(id, simRole);
    }
    for (SeedFile.GrantSeed grant : seed.oauth2PermissionGrants()) {
      String id = grant.id() == null ? UUID.randomUUID().toString() : grant.id();
      grantsById.put(
          id,
          new SimGrant(
              id,
              grant.clientId(),
              grant.consentType() == null ? "Principal" : grant.consentType(),
              grant.principalId() == null ? null : resolveMember(grant.principalId()),
              grant.resourceId(),
              grant.scope()));
    }
    persistence =
        new PersistenceObjects(
            seed.persistence(), ref -> user(ref) != null ? user(ref).id : ref.toLowerCase());
  }

  private void addUser(SeedFile.UserSeed seed) {
    SimUser user = new SimUser();
    user.id = seed.id() == null ? UUID.randomUUID().toString() : seed.id().toLowerCase();
    user.userPrincipalName = seed.userPrincipalName();
    user.displayName = seed.displayName() == null ? seed.userPrincipalName() : seed.displayName();
    user.userType = seed.userType() == null ? "Member" : seed.userType();
    user.mail = seed.mail() != null ? seed.mail() : user.guest() ? null : seed.userPrincipalName();
    user.accountEnabled = seed.accountEnabled() == null || seed.accountEnabled();
    user.onPremisesSyncEnabled = Boolean.TRUE.equals(seed.onPremisesSyncEnabled());
    user.mailboxEnabled = seed.mailboxEnabled() != null ? seed.mailboxEnabled() : !user.guest();
    user.department = seed.department();
    user.jobTitle = seed.jobTitle();
    user.createdDateTime = Instant.parse("2019-04-01T00:00:00Z");
    user.lastPasswordChangeDateTime = instant(seed.lastPasswordChangeDateTime());
    user.signInSessionsValidFromDateTime = instant(seed.signInSessionsValidFromDateTime());
    user.riskState = seed.riskState() == null ? "none" : seed.riskState();
    user.riskLevel = seed.riskLevel() == null ? "none" : seed.riskLevel();
    if (seed.authenticationMethods() != null) {
      for (SeedFile.MethodSeed method : seed.authenticationMethods()) {
        user.authenticationMethods.add(
            new SimUser.AuthMethod(
                method.id() == null ? UUID.randomUUID().toString() : method.id(),
                method.type(),
                relativeTimes(method.properties())));
      }
    }
    if (seed.messageRules() != null) {
      for (ObjectNode rule : seed.messageRules()) {
        ObjectNode copy = rule.deepCopy();
        if (!copy.hasNonNull("id")) {
          copy.put("id", UUID.randomUUID().toString());
        }
        user.messageRules.add(copy);
      }
    }
    usersById.put(user.id, user);
    if (user.userPrincipalName != null) {
      userIdByUpn.put(user.userPrincipalName.toLowerCase(Locale.ROOT), user.id);
    }
  }

  /**
   * A method's {@code createdDateTime} may be written {@code now-<ISO-8601 duration>} (e.g. {@code
   * now-P1D}): a registration that is recent whenever the simulator starts, as an attacker's is.
   */
  static ObjectNode relativeTimes(ObjectNode properties) {
    if (properties == null || !properties.path("createdDateTime").asText("").startsWith("now-")) {
      return properties;
    }
    ObjectNode copy = properties.deepCopy();
    java.time.Duration ago =
        java.time.Duration.parse(properties.path("createdDateTime").asText().substring(4));
    copy.put("createdDateTime", Instant.now().minus(ago).toString());
    return copy;
  }

  private static Instant instant(String text) {
    return text == null ? Instant.parse("2024-01-15T00:00:00Z") : Instant.parse(text);
  }

  private String resolveMember(String reference) {
    String key = reference.toLowerCase(Locale.ROOT);
    if (userIdByUpn.containsKey(key)) {
      return userIdByUpn.get(key);
    }
    SimGroup byName = findGroupByName(reference);
    return byName != null ? byName.id() : key;
  }

  private SimGroup findGroupByName(String name) {
    if (name == null) {
      return null;
    }
    return groupsById.values().stream()
        .filter(g -> name.equalsIgnoreCase(g.displayName()))
        .findFirst()
        .orElse(null);
  }

  /** By object id or UPN, ignoring case. */
  public SimUser user(String idOrUpn) {
    if (idOrUpn == null) {
      return null;
    }
    String key = idOrUpn.toLowerCase(Locale.ROOT);
    SimUser byId = usersById.get(key);
    return byId != null ? byId : usersById.get(userIdByUpn.get(key));
  }

  /** PIM schedules (eligible and active), changed by adminRemove schedule requests. */
  public final List<SimRoleSchedule> roleSchedules = new ArrayList<>();

  public SimGroup group(String id) {
    return id == null ? null : groupsById.get(id.toLowerCase(Locale.ROOT));
  }

  /** Removes a direct member; false when the object is no direct member of the group. */
  public boolean removeGroupMember(String groupId, String memberId) {
    SimGroup group = group(groupId);
    if (group == null || !group.memberIds().contains(memberId)) {
      return false;
    }
    List<String> members = new ArrayList<>(group.memberIds());
    members.remove(memberId);
    groupsById.put(
        group.id(),
        new SimGroup(
            group.id(),
            group.displayName(),
            group.description(),
            List.copyOf(members),
            group.isAssignableToRole()));
    Set<String> parents = parentGroupsOf.get(memberId);
    if (parents != null) {
      parents.remove(group.id());
    }
    return true;
  }

  public Collection<SimUser> users() {
    return usersById.values();
  }

  public Collection<SimGroup> groups() {
    return groupsById.values();
  }

  public Collection<SimRole> roles() {
    return rolesById.values();
  }

  public SimRole role(String id) {
    if (id == null) {
      return null;
    }
    SimRole byId = rolesById.get(id.toLowerCase(Locale.ROOT));
    if (byId != null) {
      return byId;
    }
    return rolesById.values().stream()
        .filter(r -> id.equalsIgnoreCase(r.roleTemplateId))
        .findFirst()
        .orElse(null);
  }

  public SimGrant grant(String id) {
    return grantsById.get(id);
  }

  public SimGrant removeGrant(String id) {
    return grantsById.remove(id);
  }

  public List<SimGrant> grantsOf(String userId) {
    return grantsById.values().stream().filter(g -> userId.equals(g.principalId())).toList();
  }

  public List<SimGroup> directGroupsOf(String objectId) {
    Set<String> parents = parentGroupsOf.getOrDefault(objectId, Set.of());
    return parents.stream().map(groupsById::get).toList();
  }

  /** Every group the object is in, directly or through nested groups. */
  public List<SimGroup> transitiveGroupsOf(String objectId) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(parentGroupsOf.getOrDefault(objectId, Set.of()));
    while (!todo.isEmpty()) {
      String group = todo.poll();
      if (seen.add(group)) {
        todo.addAll(parentGroupsOf.getOrDefault(group, Set.of()));
      }
    }
    return seen.stream().map(groupsById::get).toList();
  }

  public List<SimRole> rolesOf(String userId) {
    Set<String> groups = new HashSet<>();
    transitiveGroupsOf(userId).forEach(g -> groups.add(g.id()));
    return rolesById.values().stream()
        .filter(
            r -> r.memberIds.contains(userId) || r.memberIds.stream().anyMatch(groups::contains))
        .toList();
  }

  public int userCount() {
    return usersById.size();
  }
}
