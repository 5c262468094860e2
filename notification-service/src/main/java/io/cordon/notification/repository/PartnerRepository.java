package io.cordon.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
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
}
