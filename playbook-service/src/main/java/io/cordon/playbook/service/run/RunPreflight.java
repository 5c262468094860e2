package io.cordon.playbook.service.run;

import io.cordon.contracts.GraphPermissionRules;
import io.cordon.contracts.events.GraphAccess;
import io.cordon.playbook.model.AccountFacts;
import io.cordon.playbook.model.Playbook;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.model.StepScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run's preflight (DESIGN §5): before the first action is requested, every step that would run
 * is compared with what Entra lets the app do (the permissions and directory roles the report
 * carries). A run that cannot succeed fails here with one reason naming everything missing, instead
 * of failing per account and step, and nothing is sent to Graph.
 */
public final class RunPreflight {
  public static final String PREFIX = "preflight: ";

  /** Suffix of a skip that applies to privileged accounts only (the directory role is missing). */
  public static final String PRIVILEGED_ONLY = "#privileged";

  private RunPreflight() {}

  /**
   * The steps marked {@code onMissingPermission: skip} that cannot run, by step id (or step id +
   * {@link #PRIVILEGED_ONLY} when only the directory role for privileged accounts is missing), each
   * with what is missing.
   */
  public static Map<String, String> skips(
      Playbook playbook, GraphAccess access, List<AccountFacts> accounts) {
    return access == null ? Map.of() : lacking(playbook, access, accounts, true);
  }

  // what each step (that the preflight fails on, or that it skips) lacks for these accounts
  private static Map<String, String> lacking(
      Playbook playbook, GraphAccess access, List<AccountFacts> accounts, boolean skipping) {
    Set<String> granted = new HashSet<>(access.permissions());
    Set<String> roles = new HashSet<>(access.directoryRoles());
    Map<String, String> missing = new LinkedHashMap<>();
    for (Step step : playbook.steps()) {
      if (step.skipsWhenNotPermitted() != skipping) {
        continue;
      }
      List<AccountFacts> targets =
          step.scope() == StepScope.RUN
              ? accounts
              : accounts.stream().filter(a -> Conditions.matches(step.when(), a)).toList();
      if (targets.isEmpty() && !skipping) {
        continue;
      }
      String lacking = GraphPermissionRules.missingFor(step.action(), granted);
      if (lacking == null && access.directoryRolesKnown()) {
        // a role the app itself needs whoever the target (DISABLE_DEVICES), as readiness checks it
        lacking = GraphPermissionRules.missingAppRoleFor(step.action(), roles);
      }
      if (lacking != null) {
        missing.put(step.id(), "step " + step.id() + ": " + lacking);
        continue;
      }
      long privileged = targets.stream().filter(AccountFacts::privileged).count();
      String role =
          (privileged == 0 && !skipping) || !access.directoryRolesKnown()
              ? null
              : GraphPermissionRules.missingRoleFor(step.action(), roles);
      if (role != null) {
        missing.put(
            step.id() + PRIVILEGED_ONLY,
            "step " + step.id() + " (" + privileged + " privileged account(s)): " + role);
      }
    }
    return missing;
  }

  /** Null when the app may do all the playbook asks for these accounts; else one reason. */
  public static String problem(Playbook playbook, GraphAccess access, List<AccountFacts> accounts) {
    if (access == null) {
      return null; // account-service could not tell; the per-action preflight still guards
    }
    Set<String> missing = new LinkedHashSet<>(lacking(playbook, access, accounts, false).values());
    if (missing.isEmpty()) {
      return null;
    }
    String reason =
        PREFIX
            + "playbook "
            + playbook.name()
            + " cannot run with the app registration's Graph access; nothing was sent to Graph. "
            + String.join("; ", new ArrayList<>(missing))
            + ". Grant it (GET /api/v1/graph/readiness on account-service shows what is missing) and"
            + " report the accounts again";
    // the run's reason column holds 1,000 characters
    return reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…";
  }
}
