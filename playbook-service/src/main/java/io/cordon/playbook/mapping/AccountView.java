package io.cordon.playbook.mapping;

import io.cordon.contracts.UserType;
import io.cordon.contracts.events.GroupRef;
import io.cordon.playbook.model.ExecutionState;
import java.time.Instant;
import java.util.List;

/**
 * An account of a run with every per-account step, for {@code GET /runs/{id}/accounts}.
 *
 * @param tenantName the configured name of the account's tenant; null when not known
 */
public record AccountView(
    String objectId,
    String userPrincipalName,
    String tenantId,
    String tenantName,
    UserType userType,
    boolean onPremisesSynced,
    boolean privileged,
    List<String> privilegedRoles,
    List<GroupRef> groups,
    Settlement settled,
    List<StepState> steps) {

  /**
   * A responder settled the account by hand; null when nobody did.
   *
   * @param as EXCLUDED or MARKED_DONE
   */
  public record Settlement(String as, String by, String reason, Instant at) {}

  /**
   * @param attempt the attempt the step is on (or ended with)
   * @param dispatches ActionRequested events sent for it
   */
  public record StepState(
      String stepId,
      String action,
      ExecutionState state,
      String reasonCode,
      String reasonMessage,
      int attempt,
      int dispatches,
      String actionId,
      String approvalId,
      Instant startedAt,
      Instant finishedAt) {}
}
