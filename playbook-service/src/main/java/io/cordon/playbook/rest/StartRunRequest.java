package io.cordon.playbook.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Body of {@code POST /api/v1/runs}.
 *
 * @param playbook null for the default playbook ({@code cordon.playbook.default})
 * @param severity LOW, MEDIUM, HIGH or CRITICAL; optional
 * @param accounts each an Entra object id (GUID) as a string, or {@code {objectId, tenantId?}};
 *     facts about an account (UPN, type, sync, roles, groups) are refused: account-service reads
 *     them from the directory
 */
public record StartRunRequest(
    String playbook,
    String incidentId,
    String incidentTitle,
    String severity,
    List<JsonNode> accounts) {}
