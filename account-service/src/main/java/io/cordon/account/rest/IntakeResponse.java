package io.cordon.account.rest;

import io.cordon.account.model.EntryRejection;
import java.util.List;
import java.util.UUID;

public record IntakeResponse(
    UUID reportId, int accepted, List<EntryRejection> rejected, int duplicates) {}
