package io.cordon.account.service;

import java.util.List;
import java.util.UUID;

/** What the caller learns at once: the report id and the fate of every entry. */
public record IntakeReceipt(
    UUID reportId, int accepted, List<EntryRejection> rejected, int duplicates) {}
