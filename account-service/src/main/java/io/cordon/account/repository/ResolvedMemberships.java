package io.cordon.account.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The group ids each account belonged to when this service last resolved it (transitive memberships
 * read at report time), by object id in lower case.
 */
@ApplicationScoped
public class ResolvedMemberships {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Transactional
  public Map<String, Set<String>> groupIdsOf(Collection<String> objectIds) {
    Map<String, Set<String>> groups = new HashMap<>();
    if (objectIds.isEmpty()) {
      return groups;
    }
    List<ReportAccountEntity> rows =
        ReportAccountEntity.list(
            "objectId in ?1 and resolution = ?2 and groupsJson is not null order by resolvedAt",
            objectIds,
            Resolution.RESOLVED.name());
    // ordered by time: the latest resolution of an account is the one kept
    rows.forEach(
        row -> groups.put(row.objectId.toLowerCase(Locale.ROOT), groupIds(row.groupsJson)));
    return groups;
  }

  /** The group ids (lower case) of a resolved account's stored memberships. */
  public static Set<String> groupIds(String groupsJson) {
    try {
      Set<String> ids = new HashSet<>();
      for (JsonNode group : JSON.readTree(groupsJson)) {
        ids.add(group.path("id").asText().toLowerCase(Locale.ROOT));
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
