package io.cordon.notification.service;

import java.util.UUID;

/** A delivery this instance claimed for one attempt; the token tells whether it still holds it. */
public record DeliveryClaim(UUID deliveryId, UUID token) {}
