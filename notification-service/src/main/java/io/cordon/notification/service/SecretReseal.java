package io.cordon.notification.service;

import io.cordon.notification.config.NotificationConfig;
import io.cordon.notification.repository.WebhookSecretEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * After a key rotation, seals every partner webhook secret still under a previous key again under
 * the current one, a batch per transaction, in the background: the service serves (and opens those
 * secrets with the previous key) meanwhile. Several instances doing it at once each write a valid
 * sealing of the same secret. Logs when nothing is left, so the old key can be dropped.
 */
@ApplicationScoped
public class SecretReseal {
  private static final Logger LOG = Logger.getLogger(SecretReseal.class);
  static final int BATCH = 100;

  @Inject WebhookSecrets secrets;
  @Inject NotificationConfig config;

  void onStart(@Observes StartupEvent event) {
    if (config.previousSecretEncryptionKeys().map(List::isEmpty).orElse(true)) {
      return;
    }
    Thread reseal = new Thread(this::resealAll, "cordon-secret-reseal");
    reseal.setDaemon(true);
    reseal.start();
  }

  /** Reseals until nothing is left under a previous key; returns how many rows it sealed again. */
  public int resealAll() {
    int total = 0;
    try {
      int done;
      do {
        done = QuarkusTransaction.requiringNew().call(() -> resealBatch(BATCH));
        total += done;
      } while (done == BATCH);
      LOG.infof(
          "Partner webhook secrets: %d sealed again; all are now under key %s, previous keys"
              + " may be removed",
          total, secrets.currentKeyId());
    } catch (RuntimeException e) {
      LOG.errorf(
          "Partner webhook secrets: sealing again under key %s stopped after %d (%s); the previous"
              + " keys still open the rest",
          secrets.currentKeyId(), total, e.getClass().getSimpleName());
    }
    return total;
  }

  /** One batch, in the caller's transaction. */
  int resealBatch(int limit) {
    List<WebhookSecretEntity> stale =
        WebhookSecretEntity.<WebhookSecretEntity>find(
                "keyId <> ?1 order by id", secrets.currentKeyId())
            .page(0, limit)
            .list();
    stale.forEach(secrets::reseal);
    return stale.size();
  }
}
