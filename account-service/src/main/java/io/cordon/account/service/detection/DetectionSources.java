package io.cordon.account.service.detection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * Which source a detector's deliveries come from, and so which webhook secrets sign them: decided
 * by who authenticated ({@code cordon.detections.sources.<principal>}, else the principal's own
 * name), never by the payload, whose shape the caller chooses.
 */
@ApplicationScoped
public class DetectionSources {
  static final String PREFIX = "cordon.detections.sources.";

  @Inject Config config;

  public String of(String principal) {
    return config
        .getOptionalValue(PREFIX + principal, String.class)
        .map(String::strip)
        .filter(source -> !source.isEmpty())
        .orElse(principal);
  }
}
