package io.cordon.account.service.protection;

import java.util.Map;
import java.util.Set;

/**
 * The protected users and groups at one moment, from configuration and the API, each with why it is
 * protected; ids in lower case.
 */
public record ProtectionList(Map<String, String> users, Map<String, String> groups) {

  public ProtectionList {
    users = Map.copyOf(users);
    groups = Map.copyOf(groups);
  }

  public boolean isEmpty() {
    return users.isEmpty() && groups.isEmpty();
  }

  /** Why this account (ids in lower case) is protected, or null when it is not. */
  public String why(String objectId, Set<String> groupIds) {
    String user = users.get(objectId);
    if (user != null) {
      return user;
    }
    for (String group : groupIds) {
      String reason = groups.get(group);
      if (reason != null) {
        return "member of protected group " + group + " (" + reason + ")";
      }
    }
    return null;
  }
}
