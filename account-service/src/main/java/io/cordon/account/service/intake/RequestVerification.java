package io.cordon.account.service.intake;

import io.cordon.account.config.ActionSigningConfig;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.signing.ActionVerifier;
import io.cordon.contracts.signing.SigningKeys;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Tells an ActionRequested playbook-service signed from one any other writer of the topic made (a
 * misconfigured ACL, a compromised service). The keys are read at start: no key, no start.
 */
@Startup
@ApplicationScoped
public class RequestVerification {
  private static final Logger LOG = Logger.getLogger(RequestVerification.class);

  @Inject ActionSigningConfig config;
  private ActionVerifier verifier;

  @PostConstruct
  void load() {
    verifier = new ActionVerifier(SigningKeys.readPublicFolder(config.publicKeyFolder()));
    LOG.infof("Action requests are verified with keys %s", verifier.keyIds());
  }

  public ActionVerifier.Verdict verify(ActionRequested request) {
    return verifier.verify(request);
  }
}
