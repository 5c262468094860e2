package io.cordon.playbook.model;

/** Where an incident stands (DESIGN §11). */
public enum IncidentState {
  /** Some account is not contained yet (or containing it is still under way). */
  OPEN,
  /** Every account has a final containment state; new accounts open it again. */
  CONTAINED,
  /** A responder closed it, with a reason; a report that needs containment re-opens it. */
  CLOSED
}
