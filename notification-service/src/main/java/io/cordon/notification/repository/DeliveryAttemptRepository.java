package io.cordon.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryAttemptRepository
    implements PanacheRepositoryBase<DeliveryAttemptEntity, Long> {

  public List<DeliveryAttemptEntity> ofDeliveries(Collection<UUID> deliveryIds) {
    if (deliveryIds.isEmpty()) {
      return List.of();
    }
    return list("deliveryId in ?1 order by number", deliveryIds);
  }
}
