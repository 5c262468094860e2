package io.cordon.account.service.protection;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The protected users and groups at one moment, from configuration and the API, each with why it is
 * protected and the tenant it is limited to; ids in lower case.
 */
public record ProtectionList(Map<String, Entry> users, Map<String, Entry> groups) {

  /**
   * @param tenantId the directory id of the one tenant the entry protects in; null for every tenant
   */
  public record Entry(String reason, String tenantId) {

    /** Whether the entry protects an account of this tenant (null: the tenant is not known). */
    boolean covers(String accountTenantId) {
      return tenantId == null || tenantId.equalsIgnoreCase(accountTenantId);
    }
  }

  public ProtectionList {
    users = Map.copyOf(users);
    groups = Map.copyOf(groups);
  }

  /** A list whose entries protect in every tenant. */
  public static ProtectionList unscoped(Map<String, String> users, Map<String, String> groups) {
    return new ProtectionList(everyTenant(users), everyTenant(groups));
  }

  public boolean isEmpty() {
    return users.isEmpty() && groups.isEmpty();
  }

  /**
   * Why this account (ids in lower case) of this tenant is protected, or null when it is not: an
   * entry limited to another tenant does not protect it (issue 26).
   */
  public String why(String objectId, Set<String> groupIds, String tenantId) {
    Entry user = users.get(objectId);
    if (user != null && user.covers(tenantId)) {
      return user.reason();
    }
    for (String group : groupIds) {
      Entry entry = groups.get(group);
      if (entry != null && entry.covers(tenantId)) {
        return "member of protected group " + group + " (" + entry.reason() + ")";
      }
    }
    return null;
  }

  private static Map<String, Entry> everyTenant(Map<String, String> reasons) {
    Map<String, Entry> entries = new HashMap<>();
    reasons.forEach((id, reason) -> entries.put(id, new Entry(reason, null)));
    return entries;
  }
}
