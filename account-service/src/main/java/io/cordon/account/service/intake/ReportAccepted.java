package io.cordon.account.service.intake;

import java.util.UUID;

/** Fired when a report's entries are stored; resolution starts once the transaction commits. */
public record ReportAccepted(UUID reportId) {}
