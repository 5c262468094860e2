package io.cordon.commons.outbox;

/** CDI signal fired inside the writing transaction; observed after a successful commit. */
public record OutboxWritten(String eventId) {}
