package io.cordon.playbook.model;

import java.time.Instant;

/**
 * One stored version of a playbook.
 *
 * @param contentSha256 SHA-256 of the canonical JSON of the content; equal content, equal hash
 */
public record PlaybookVersionSummary(
    String name,
    int version,
    String description,
    int steps,
    Instant createdAt,
    String createdBy,
    Origin origin,
    String contentSha256) {}
