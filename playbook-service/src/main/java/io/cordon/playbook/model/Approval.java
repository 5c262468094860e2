package io.cordon.playbook.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A person holding {@code role} must approve the step before it runs.
 *
 * @param timeout how long the approval may stay pending
 * @param onTimeout what happens when it does
 * @param onReject what a rejection does; null (absent) is {@link OnReject#SKIP}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Approval(String role, DurationSpec timeout, OnTimeout onTimeout, OnReject onReject) {
  public Approval(String role, DurationSpec timeout, OnTimeout onTimeout) {
    this(role, timeout, onTimeout, null);
  }

  public OnReject rejection() {
    return onReject == null ? OnReject.SKIP : onReject;
  }
}
