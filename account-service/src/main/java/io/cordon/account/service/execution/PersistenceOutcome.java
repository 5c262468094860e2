package io.cordon.account.service.execution;

import io.cordon.account.client.CleanupTargets;
import io.cordon.account.service.readiness.ReadinessService;
import io.cordon.account.service.verdict.Verdict;
import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ActionType;
import io.cordon.contracts.GraphPermissionRules;
import io.cordon.contracts.ReasonCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * For the actions that remove only what was added in the compromise window (app credentials,
 * consents, devices): the directory role the app needs before it starts, and an outcome that names
 * what was left, older objects and those Graph lets only a person remove.
 */
@ApplicationScoped
public class PersistenceOutcome {
  public static final Set<ActionType> ACTIONS =
      EnumSet.of(
          ActionType.REMOVE_APP_CREDENTIALS,
          ActionType.REMOVE_APP_CONSENTS,
          ActionType.DISABLE_DEVICES);

  /** The ledger's reason_message column holds 1000 characters. */
  static final int MAX_MESSAGE = 1000;

  @Inject ReadinessService readiness;

  /**
   * A refusal when the action needs a directory role of the app that Graph says the app lacks; null
   * otherwise (when Graph would not say, Graph's own answer to the write decides).
   */
  public Verdict preflight(ActionType action) {
    if (!GraphPermissionRules.APP_ROLES.containsKey(action)) {
      return null;
    }
    Set<String> roles = readiness.directoryRoleKeys();
    String missing = roles == null ? null : GraphPermissionRules.missingAppRoleFor(action, roles);
    return missing == null
        ? null
        : Verdict.finish(ActionOutcome.FAILED_PERMANENT, ReasonCode.MISSING_PERMISSION, missing);
  }

  /** After every listed removal went through. */
  static Verdict of(ActionType action, int removed, CleanupTargets.Listing listing) {
    String verb = action == ActionType.DISABLE_DEVICES ? "disabled " : "removed ";
    StringBuilder message =
        new StringBuilder(removed == 0 ? "nothing in the window" : verb + removed);
    append(message, "for a person to remove", listing.undated());
    append(message, "older than the window, kept", listing.older());
    String text =
        message.length() <= MAX_MESSAGE
            ? message.toString()
            : message.substring(0, MAX_MESSAGE - 1) + "…";
    return listing.undated().isEmpty()
        ? Verdict.finish(ActionOutcome.SUCCEEDED, ReasonCode.OK, text)
        : Verdict.finish(ActionOutcome.REQUIRES_MANUAL, ReasonCode.LEFT_FOR_MANUAL, text);
  }

  private static void append(StringBuilder message, String label, List<String> objects) {
    if (!objects.isEmpty()) {
      message
          .append("; ")
          .append(label)
          .append(" (")
          .append(objects.size())
          .append("): ")
          .append(String.join(", ", objects));
    }
  }
}
