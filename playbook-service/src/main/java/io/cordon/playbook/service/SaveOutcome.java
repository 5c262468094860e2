package io.cordon.playbook.service;

import io.cordon.playbook.model.Playbook;

/**
 * What storing a playbook did.
 *
 * @param playbook the latest version after the call
 */
public record SaveOutcome(Playbook playbook, Change change) {

  public enum Change {
    /** The content differed from the latest version: a new version was stored. */
    NEW_VERSION,
    /** The content equals the latest version: nothing was stored. */
    UNCHANGED,
    /** A built-in whose latest version an admin wrote: the admin's version stays. */
    KEPT_CUSTOMISED
  }

  public boolean created() {
    return change == Change.NEW_VERSION;
  }
}
