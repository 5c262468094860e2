package io.cordon.commons.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * A stored audit entry as the API shows it; {@code before}/{@code after} are embedded as JSON.
 * {@link AuditCanon} defines which of these fields the hash covers (all but {@code hash}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditRecord(
    long seq,
    String id,
    Instant at,
    AuditActor actor,
    String kind,
    String action,
    String subject,
    String accountId,
    String accountUpn,
    String incidentId,
    String runId,
    @JsonRawValue String before,
    @JsonRawValue String after,
    String result,
    String reason,
    String correlationId,
    String prevHash,
    String hash) {}
