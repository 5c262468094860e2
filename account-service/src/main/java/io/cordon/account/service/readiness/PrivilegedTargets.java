package io.cordon.account.service.readiness;

/**
 * Whether resets and disables may go to privileged users: the app needs one of {@code anyOfRoles}.
 *
 * @param ready false when the roles were read and none fits, or could not be read
 * @param missing what is missing (or why it is unknown), absent when ready
 */
public record PrivilegedTargets(boolean ready, String anyOfRoles, String missing) {}
