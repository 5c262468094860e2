package io.cordon.contracts;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Why an action, approval or account ended the way it did; documented in docs/api.md. */
public enum ReasonCode {
  OK("Completed as requested"),
  USER_NOT_FOUND("The account does not exist in the tenant"),
  INSUFFICIENT_PRIVILEGES("Graph refused the call: the app lacks the privileges for this account"),
  ON_PREMISES_SYNCED("The account is synced from on-premises AD; change it there"),
  GUEST_ACCOUNT("The account is a guest; the action applies in its home tenant"),
  NOT_APPLICABLE("The action does not apply to this account"),
  ALREADY_DONE("The account was already in the requested state"),
  EFFECT_UNVERIFIABLE(
      "Graph shows a change too close to an unconfirmed attempt to tell whether it was Cordon's;"
          + " not sent again, verify by hand"),
  INVALID_REQUEST("Graph rejected the request as invalid"),
  THROTTLED("Graph throttled the request"),
  GRAPH_UNAVAILABLE("Graph was unavailable or timed out"),
  RETRIES_EXHAUSTED("All retry attempts failed"),
  TIMED_OUT("The step did not finish within its timeout"),
  APPROVAL_REJECTED("An approver rejected the step"),
  APPROVAL_TIMED_OUT("No approver decided before the approval timeout"),
  CANCELLED("The run was cancelled"),
  MISSING_PERMISSION(
      "The app registration lacks a Graph permission or the directory role the action needs"),
  CONDITION_NOT_MET("The step's when-condition does not hold for this account"),
  PROTECTED_ACCOUNT(
      "The account is protected (e.g. a break-glass account); no automated action touches it"),
  ACTIVITY_AFTER_CONTAINMENT(
      "New evidence shows activity after the account was contained; it is contained again"),
  EXCLUDED("A responder excluded the account from the run; none of its later steps run"),
  DELIVERY_FAILED("A partner's notice could not be delivered: its delivery gave up"),
  LEFT_FOR_MANUAL(
      "Cordon did what Graph lets an app do; what is left is named for a person to finish"),
  MARKED_DONE("A responder did this by hand and marked the account done in the run"),
  STILL_PRESENT("Graph still lists what the action removed; it is tried again"),
  NEEDS_REVIEW(
      "Part of what the action covers needs a person: Graph gives it no creation time, or refuses"
          + " to remove it automatically; the message names it"),
  UNVERIFIED_REQUEST(
      "The request carried no valid playbook-service signature; account-service did not run it"),
  // a newer producer may send codes this reader does not know yet; they must not poison the topic
  @JsonEnumDefaultValue
  UNKNOWN_ERROR("An unexpected error occurred");

  private final String description;

  ReasonCode(String description) {
    this.description = description;
  }

  /** A short human-readable explanation for dashboards and notices. */
  public String description() {
    return description;
  }
}
