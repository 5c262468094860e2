package io.cordon.playbook.service.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a run would do ({@code POST /api/v1/plans}): computed from reads only, nothing started.
 *
 * @param wouldStart false when the run's preflight would stop it before its first action
 * @param preflight the one reason the run would fail with; absent when it would start
 * @param rejected the entries account-service would refuse, each {@code {input, reason}}
 * @param approvals per step with an approval: the role asked and how many accounts wait for it
 * @param protectedAccounts object ids no automated action would touch
 * @param missing each permission or directory role missing for some step and account
 * @param graphAccess what the app may do now, as account-service read it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Plan(
    boolean dryRun,
    String playbook,
    Integer playbookVersion,
    boolean wouldStart,
    String preflight,
    int accepted,
    JsonNode rejected,
    List<PlannedApproval> approvals,
    List<String> protectedAccounts,
    List<String> missing,
    List<PlannedAccount> accounts,
    JsonNode graphAccess) {

  /** An approval the run would ask for. */
  public record PlannedApproval(String stepId, String role, long accounts) {}
}
