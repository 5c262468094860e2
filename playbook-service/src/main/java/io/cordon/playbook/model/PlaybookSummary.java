package io.cordon.playbook.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A playbook in the list: its latest version.
 *
 * @param steps how many steps the latest version has
 * @param isDefault whether runs started without a playbook name use it ({@code
 *     cordon.playbook.default})
 */
public record PlaybookSummary(
    String name,
    int version,
    String description,
    int steps,
    Instant updatedAt,
    String updatedBy,
    Origin origin,
    @JsonProperty("default") boolean isDefault) {}
