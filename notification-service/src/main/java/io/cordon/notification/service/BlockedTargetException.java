package io.cordon.notification.service;

/** A webhook host resolves to an address that partner webhooks may not target. */
public class BlockedTargetException extends RuntimeException {
  public BlockedTargetException(String reason) {
    super(reason);
  }
}
