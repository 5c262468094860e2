package io.cordon.commons.audit;

import io.cordon.commons.paging.PageRequest;
import java.time.Instant;

/**
 * Filters of {@code GET /audit}; each is optional. {@code account} matches an object id or a UPN
 * (case-insensitively).
 */
public record AuditQuery(
    Instant from, Instant to, String account, String incident, String run, PageRequest page) {}
