package io.cordon.account.service.detection;

import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Checks the Standard Webhooks signature of a detection (with the reference library, see {@link
 * WebhookSignature}) when its source has secrets configured ({@code
 * cordon.detections.webhook-secrets.<source>}, comma-separated for rotation). A source without
 * secrets is accepted on the bearer token alone. Secrets are never logged.
 */
@ApplicationScoped
public class WebhookVerifier {
  static final String SECRETS_PREFIX = "cordon.detections.webhook-secrets.";
  private static final Logger LOG = Logger.getLogger(WebhookVerifier.class);

  @Inject Config config;

  public void verify(String source, WebhookHeaders headers, byte[] body) {
    List<String> secrets =
        config.getOptionalValues(SECRETS_PREFIX + source, String.class).orElse(List.of()).stream()
            .filter(s -> !s.isBlank())
            .toList();
    if (secrets.isEmpty()) {
      return;
    }
    Optional<String> failure = WebhookSignature.check(secrets, headers, body);
    if (failure.isPresent()) {
      LOG.warnf(
          "Refused a detection from %s: %s (webhook-id %s)",
          source, failure.get(), printable(headers.id()));
      throw new ProblemException(
          ProblemType.UNAUTHORIZED,
          "Standard Webhooks signature check failed for source '" + source + "': " + failure.get());
    }
  }

  /** Whether this source's deliveries must be signed: it has at least one secret configured. */
  public boolean requiresSignature(String source) {
    return config
        .getOptionalValues(SECRETS_PREFIX + source, String.class)
        .orElse(List.of())
        .stream()
        .anyMatch(secret -> !secret.isBlank());
  }

  private static String printable(String value) {
    if (value == null) {
      return "absent";
    }
    String shown = value.replaceAll("[^\\x20-\\x7e]", "?");
    return shown.length() > 64 ? shown.substring(0, 64) + "..." : shown;
  }
}
