package io.cordon.account.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The protected accounts and groups admins keep over the API. */
@ApplicationScoped
public class ProtectedAccountStore {

  /** Every entry; the list holds a handful of break-glass accounts and groups, not thousands. */
  @Transactional
  public List<ProtectedAccountEntity> all() {
    return ProtectedAccountEntity.listAll();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<ProtectedAccountEntity> find(String objectId) {
    return ProtectedAccountEntity.findByIdOptional(objectId);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void remove(ProtectedAccountEntity entry) {
    entry.delete();
  }
}
