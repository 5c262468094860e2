package io.cordon.account.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /protected-accounts/{id}/override}.
 *
 * @param reason why automated actions must touch this protected account now
 * @param minutes how long the override lasts once approved (1 to cordon.protection
 *     .override-max-minutes)
 */
public record OverrideRequest(
    @NotBlank
        @Size(max = 500)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String reason,
    @NotNull Integer minutes) {}
