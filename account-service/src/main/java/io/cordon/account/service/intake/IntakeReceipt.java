package io.cordon.account.service.intake;

import io.cordon.account.model.EntryRejection;
import java.util.List;
import java.util.UUID;

/**
 * What the caller learns at once: the report id and the fate of every entry; {@code replayed} when
 * the delivery repeated an earlier one and this is that delivery's receipt.
 */
public record IntakeReceipt(
    UUID reportId, int accepted, List<EntryRejection> rejected, int duplicates, boolean replayed) {}
