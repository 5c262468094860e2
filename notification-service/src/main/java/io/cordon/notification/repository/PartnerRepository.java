package io.cordon.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<PartnerEntity, UUID> {

  public Optional<PartnerEntity> findByNameKey(String nameKey) {
    return find("nameKey", nameKey).firstResultOptional();
  }

  /** Partners ordered by name key, starting after {@code afterNameKey} (null: from the start). */
  public List<PartnerEntity> page(String afterNameKey, int limit) {
    if (afterNameKey == null) {
      return find("order by nameKey").page(0, limit).list();
    }
    return find("nameKey > ?1 order by nameKey", afterNameKey).page(0, limit).list();
  }

  /**
   * Partners with at least one scope value among the given ones (compared lower case); the caller
   * decides the exact match. Uses the {@code partner_scope_match} index instead of loading every
   * partner.
   */
  public List<PartnerEntity> candidates(
      Collection<String> groupKeys, Collection<String> domains, Collection<String> tags) {
    List<String> conditions = new ArrayList<>();
    Parameters parameters = new Parameters();
    addCondition(conditions, parameters, ScopeKind.GROUP, "groups", groupKeys);
    addCondition(conditions, parameters, ScopeKind.DOMAIN, "domains", domains);
    addCondition(conditions, parameters, ScopeKind.TAG, "tags", tags);
    if (conditions.isEmpty()) {
      return List.of();
    }
    return list(
        "select distinct p from PartnerEntity p join p.scopes s where "
            + String.join(" or ", conditions),
        parameters);
  }

  private static void addCondition(
      List<String> conditions,
      Parameters parameters,
      ScopeKind kind,
      String name,
      Collection<String> values) {
    // an empty IN list is not valid SQL everywhere, so a kind without values is left out
    if (!values.isEmpty()) {
      conditions.add("(s.kind = :" + name + "Kind and lower(s.value) in :" + name + ")");
      parameters.and(name + "Kind", kind).and(name, List.copyOf(values));
    }
  }
}
