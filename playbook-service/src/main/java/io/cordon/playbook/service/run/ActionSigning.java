package io.cordon.playbook.service.run;

import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.signing.ActionSigner;
import io.cordon.contracts.signing.SigningKeys;
import io.cordon.playbook.config.ActionSigningConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Signs each ActionRequested as it is dispatched. The key is read at start, so a missing or wrong
 * key stops the service instead of sending requests account-service will refuse.
 */
@Startup
@ApplicationScoped
public class ActionSigning {
  private static final Logger LOG = Logger.getLogger(ActionSigning.class);

  @Inject ActionSigningConfig config;
  private ActionSigner signer;

  @PostConstruct
  void load() {
    if (SigningKeys.readableByOthers(config.keyFile())) {
      LOG.warnf(
          "The action signing key %s is readable by group or others; make it 0400 or 0600",
          config.keyFile());
    }
    signer = new ActionSigner(config.keyId(), SigningKeys.readPrivate(config.keyFile()));
  }

  public ActionRequested sign(ActionRequested request) {
    return signer.sign(request);
  }
}
