package io.cordon.notification.service;

/** CDI signal fired inside a transaction that made deliveries due; observed after commit. */
public record DeliveriesDue() {}
