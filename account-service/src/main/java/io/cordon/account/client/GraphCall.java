package io.cordon.account.client;

import com.microsoft.kiota.RequestInformation;

/**
 * One Graph request inside a {@code $batch}, built through the SDK's request builders; {@code key}
 * ties the answer back to the ledger row that asked for it.
 */
public record GraphCall(
    String key, RequestInformation request, boolean write, boolean identityProtection) {}
