package io.cordon.account.service.readiness;

import io.cordon.account.client.GraphPermissions.AppDirectoryRole;
import java.time.Instant;
import java.util.List;

/**
 * What the app registration may do in its tenant right now ({@code GET /api/v1/graph/readiness}).
 *
 * @param ready every action is ready, privileged targets included
 * @param permissions the application permissions in the {@code roles} claim of a newly issued token
 * @param directoryRoles the directory roles of the app's service principal
 * @param directoryRolesUnreadable why the roles could not be read, absent when they were
 * @param missing one sentence per thing missing, empty when ready
 */
public record GraphReadiness(
    String tenantId,
    String clientId,
    Instant checkedAt,
    boolean ready,
    List<String> permissions,
    List<AppDirectoryRole> directoryRoles,
    String directoryRolesUnreadable,
    List<ActionReadiness> actions,
    List<String> missing) {}
