package io.cordon.playbook.model;

/** Who wrote a playbook version. */
public enum Origin {
  /** Shipped with the service and installed at start-up. */
  BUILT_IN,
  /** Uploaded through the API. */
  API
}
