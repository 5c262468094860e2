package io.cordon.playbook.model;

/** Where the containment of one account in one incident stands (DESIGN §11). */
public enum ContainmentState {
  /** Named, but nothing contains it (its run was cancelled before any step took effect). */
  UNCONTAINED,
  /** A run is working on it. */
  IN_PROGRESS,
  /** Every step of its run succeeded or did not apply. */
  CONTAINED,
  /** A step failed (or the run was cancelled after some steps took effect). */
  PARTIAL,
  /** A step needs a person (e.g. an on-premises password reset). */
  REQUIRES_MANUAL,
  /** Let go again (false positive or recovery finished). */
  RELEASED;

  /**
   * Whether the account is contained or being contained, so that new evidence is attached to it
   * instead of containing it again.
   */
  public boolean holdsContainment() {
    return this == IN_PROGRESS || this == CONTAINED || this == PARTIAL || this == REQUIRES_MANUAL;
  }

  /** Whether a run has finished with the account (the incident may count it as contained). */
  public boolean isFinal() {
    return this != UNCONTAINED && this != IN_PROGRESS;
  }
}
