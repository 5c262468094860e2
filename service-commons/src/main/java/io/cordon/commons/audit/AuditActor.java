package io.cordon.commons.audit;

/**
 * Who acted: a person or system calling the API (name and Cordon roles from the JWT), or the
 * service itself for automated steps and event consumers.
 */
public record AuditActor(Type type, String name, String roles) {
  /** A caller with a token, or the service acting on its own. */
  public enum Type {
    PRINCIPAL,
    SERVICE
  }
}
