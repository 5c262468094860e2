package io.cordon.account.service;

/** One account entry as received: where it came from (for the rejection echo), value and tenant. */
public record RawEntry(String input, String value, String tenant) {}
