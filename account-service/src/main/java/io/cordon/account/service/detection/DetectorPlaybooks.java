package io.cordon.account.service.detection;

import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The playbooks each detector may start ({@code cordon.detections.playbooks.<principal>},
 * comma-separated): a detector is a machine, and what it may set in motion is the operator's
 * choice, not the payload's. Without a list a detector gets the default playbook and may not name
 * one; with a list it may name any of them, and naming none asks for the first.
 */
@ApplicationScoped
public class DetectorPlaybooks {
  static final String PREFIX = "cordon.detections.playbooks.";

  @Inject Config config;

  /** The playbook to request for this detector (null: the default one); 403 naming playbook. */
  public String choose(String principal, String requested) {
    List<String> allowed =
        config.getOptionalValues(PREFIX + principal, String.class).orElse(List.of()).stream()
            .map(String::strip)
            .filter(name -> !name.isEmpty())
            .toList();
    if (requested == null) {
      return allowed.isEmpty() ? null : allowed.get(0);
    }
    if (allowed.contains(requested)) {
      return requested;
    }
    String reason =
        allowed.isEmpty()
            ? "this detector may only run the default playbook (omit playbook); an operator can"
                + " allow others with "
                + PREFIX
                + "<principal>"
            : "this detector may only ask for " + String.join(", ", allowed);
    throw new ProblemException(
        ProblemType.FORBIDDEN,
        "playbook " + requested + " is not allowed for detector " + principal + ": " + reason,
        List.of(new Problem.FieldError("playbook", reason)));
  }
}
