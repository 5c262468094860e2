package io.cordon.account.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/** Sealed Temporary Access Passes by action and by account. */
@ApplicationScoped
public class TemporaryAccessPasses
    implements PanacheRepositoryBase<TemporaryAccessPassEntity, String> {

  public Optional<TemporaryAccessPassEntity> forAction(String actionId) {
    return findByIdOptional(actionId);
  }

  /** The account's most recent pass, locked so that two reads cannot both open it. */
  public Optional<TemporaryAccessPassEntity> latestForUpdate(String accountObjectId) {
    return find("accountObjectId = ?1 order by createdAt desc", accountObjectId)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .page(0, 1)
        .firstResultOptional();
  }

  /** Erases the ciphertext of every pass past its lifetime; answers how many. */
  public int eraseExpired(java.time.Instant now) {
    return update(
        "sealedPass = null, sealNonce = null where sealedPass is not null and expiresAt <= ?1",
        now);
  }

  public Optional<TemporaryAccessPassEntity> latest(String accountObjectId) {
    return find("accountObjectId = ?1 order by createdAt desc", accountObjectId)
        .page(0, 1)
        .firstResultOptional();
  }
}
