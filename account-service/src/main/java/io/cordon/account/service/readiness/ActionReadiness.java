package io.cordon.account.service.readiness;

import io.cordon.contracts.ActionType;
import java.util.List;

/**
 * Whether the app may run one action.
 *
 * @param anyOf the application permissions of which one is needed (empty: no Graph call)
 * @param missing a sentence naming what is missing, absent when ready
 * @param privilegedTargets for actions that touch sensitive properties, whether they may also go to
 *     accounts holding an administrator role (absent for other actions)
 */
public record ActionReadiness(
    ActionType action,
    boolean ready,
    List<String> anyOf,
    String missing,
    PrivilegedTargets privilegedTargets) {}
