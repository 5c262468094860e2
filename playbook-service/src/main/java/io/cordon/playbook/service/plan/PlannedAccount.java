package io.cordon.playbook.service.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One account of a plan: how it resolved and what each step would do for it.
 *
 * @param resolution RESOLVED, USER_NOT_FOUND or FAILED
 * @param privilegedRoles the directory roles it holds (empty when none or not resolved)
 * @param protectedReason why no automated action would touch it; absent when not protected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlannedAccount(
    String input,
    String resolution,
    String reason,
    String objectId,
    String userPrincipalName,
    List<String> privilegedRoles,
    String protectedReason,
    List<PlannedStep> steps) {}
