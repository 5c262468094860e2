package io.cordon.playbook.service;

/**
 * One thing wrong with a playbook.
 *
 * @param field path of the offending value, e.g. {@code steps[2].approval.onTimeout}
 * @param stepId the id of the step the field is in, when it has one
 * @param reason why the value was refused
 */
public record Violation(String field, String stepId, String reason) {

  /** The field with its step named: {@code steps[2] (reset-password).approval.onTimeout: ...}. */
  public String describe() {
    return labelledField() + ": " + reason;
  }

  private String labelledField() {
    if (stepId == null || !field.startsWith("steps[")) {
      return field;
    }
    int end = field.indexOf(']') + 1;
    return field.substring(0, end) + " (" + stepId + ")" + field.substring(end);
  }
}
