package io.cordon.contracts;

public final class Topics {
  private Topics() {}
}
