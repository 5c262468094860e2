package io.cordon.account.service.intake;

import io.cordon.account.model.EntryRejection;
import java.util.List;

/** Entries to validate, and entries already refused because of their shape. */
public record ParsedEntries(List<RawEntry> entries, List<EntryRejection> rejections) {}
