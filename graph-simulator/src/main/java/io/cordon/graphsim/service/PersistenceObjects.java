package io.cordon.graphsim.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.graphsim.model.SeedFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The tenant's applications, service principals, users' app role assignments and devices: what an
 * attacker may leave behind to come back. Guarded, like the rest of the {@link Directory}, by
 * {@link TenantState}.
 */
public class PersistenceObjects {
  /** An application or a service principal: owners and credentials. */
  public static final class App {
    public final String kind;
    public final String id;
    public final String appId;
    public final String displayName;
    public final Set<String> owners = new LinkedHashSet<>();
    public final List<ObjectNode> passwordCredentials = new ArrayList<>();
    public final List<ObjectNode> keyCredentials = new ArrayList<>();

    App(String kind, String id, String appId, String displayName) {
      this.kind = kind;
      this.id = id;
      this.appId = appId;
      this.displayName = displayName;
    }
  }

  /** A device in the directory and the users who registered or own it. */
  public static final class Device {
    public final String id;
    public final String deviceId;
    public final String displayName;
    public final String operatingSystem;
    public boolean accountEnabled;
    public final String registrationDateTime;
    public final Set<String> registeredUsers = new LinkedHashSet<>();
    public final Set<String> registeredOwners = new LinkedHashSet<>();

    Device(SeedFile.DeviceSeed seed) {
      this.id = seed.id() == null ? UUID.randomUUID().toString() : seed.id();
      this.deviceId = seed.deviceId() == null ? UUID.randomUUID().toString() : seed.deviceId();
      this.displayName = seed.displayName();
      this.operatingSystem = seed.operatingSystem() == null ? "Windows" : seed.operatingSystem();
      this.accountEnabled = seed.accountEnabled() == null || seed.accountEnabled();
      this.registrationDateTime = seed.registrationDateTime();
    }
  }

  /** A user's assignment to an app role of a resource service principal. */
  public record Assignment(
      String id,
      String principalId,
      String resourceId,
      String resourceDisplayName,
      String createdDateTime) {}

  final Map<String, App> applications = new LinkedHashMap<>();
  final Map<String, App> servicePrincipals = new LinkedHashMap<>();
  final Map<String, Assignment> assignments = new LinkedHashMap<>();
  final Map<String, Device> devices = new LinkedHashMap<>();

  /**
   * @param userId a user reference (id or UPN) to the user's object id
   */
  PersistenceObjects(SeedFile.PersistenceSeed seed, UnaryOperator<String> userId) {
    seed.applications().forEach(a -> add(applications, "application", a, userId));
    seed.servicePrincipals().forEach(a -> add(servicePrincipals, "servicePrincipal", a, userId));
    for (SeedFile.AssignmentSeed a : seed.appRoleAssignments()) {
      String id = a.id() == null ? UUID.randomUUID().toString() : a.id();
      assignments.put(
          id,
          new Assignment(
              id,
              userId.apply(a.principalId()),
              a.resourceId(),
              a.resourceDisplayName(),
              a.createdDateTime()));
    }
    for (SeedFile.DeviceSeed d : seed.devices()) {
      Device device = new Device(d);
      list(d.registeredUsers()).forEach(u -> device.registeredUsers.add(userId.apply(u)));
      list(d.registeredOwners()).forEach(u -> device.registeredOwners.add(userId.apply(u)));
      devices.put(device.id, device);
    }
  }

  private static void add(
      Map<String, App> into, String kind, SeedFile.AppSeed seed, UnaryOperator<String> userId) {
    String id = seed.id() == null ? UUID.randomUUID().toString() : seed.id();
    App app =
        new App(
            kind,
            id,
            seed.appId() == null ? UUID.randomUUID().toString() : seed.appId(),
            seed.displayName());
    list(seed.owners()).forEach(o -> app.owners.add(userId.apply(o)));
    list(seed.passwordCredentials()).forEach(c -> app.passwordCredentials.add(c.deepCopy()));
    list(seed.keyCredentials()).forEach(c -> app.keyCredentials.add(c.deepCopy()));
    into.put(id, app);
  }

  private static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : values;
  }

  public App application(String id) {
    return applications.get(id);
  }

  public App servicePrincipal(String id) {
    return id == null ? null : servicePrincipals.get(id);
  }

  /** By object id or deviceId, as Graph addresses a device. */
  public Device device(String idOrDeviceId) {
    Device byId = devices.get(idOrDeviceId);
    if (byId != null) {
      return byId;
    }
    return devices.values().stream()
        .filter(d -> d.deviceId.equalsIgnoreCase(idOrDeviceId))
        .findFirst()
        .orElse(null);
  }

  public List<App> ownedBy(String userId) {
    List<App> owned = new ArrayList<>();
    applications.values().stream().filter(a -> a.owners.contains(userId)).forEach(owned::add);
    servicePrincipals.values().stream().filter(a -> a.owners.contains(userId)).forEach(owned::add);
    return owned;
  }

  public List<Assignment> assignmentsOf(String userId) {
    return assignments.values().stream().filter(a -> userId.equals(a.principalId())).toList();
  }

  public Assignment removeAssignment(String id) {
    return assignments.remove(id);
  }

  public List<Device> registeredBy(String userId) {
    return devices.values().stream().filter(d -> d.registeredUsers.contains(userId)).toList();
  }

  public List<Device> ownedDevicesOf(String userId) {
    return devices.values().stream().filter(d -> d.registeredOwners.contains(userId)).toList();
  }

  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
