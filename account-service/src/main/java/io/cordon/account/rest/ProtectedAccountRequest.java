package io.cordon.account.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /protected-accounts/{id}}.
 *
 * @param kind {@code user} or {@code group}
 * @param reason why no automated action may touch it, e.g. "break-glass account 1"
 * @param tenant optional: the configured name or directory id of the one tenant it is protected in
 *     (the same object id in another tenant is not); absent for every tenant
 */
public record ProtectedAccountRequest(
    @NotBlank String kind,
    @NotBlank
        @Size(max = 500)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String reason,
    @Size(max = 64) String tenant) {}
