package io.cordon.contracts;

/** Incident severity. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}
