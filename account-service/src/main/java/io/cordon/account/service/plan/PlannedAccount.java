package io.cordon.account.service.plan;

import io.cordon.contracts.events.ResolvedAccount;

/**
 * One accepted entry of a dry run, read from the directory and never stored.
 *
 * @param input the identifier as accepted (object id or UPN)
 * @param resolution RESOLVED, USER_NOT_FOUND or FAILED, as a report would show it
 * @param reason why it did not resolve; absent when it did
 * @param account the facts a run would act on; absent unless resolved
 * @param protectedReason why no automated action would touch the account (PROTECTED_ACCOUNT);
 *     absent when it is not protected or an approved override is active
 */
public record PlannedAccount(
    String input,
    String resolution,
    String reason,
    ResolvedAccount account,
    String protectedReason) {}
