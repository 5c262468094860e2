package io.cordon.contracts.events;

/** An Entra ID group an account belongs to (transitively). */
public record GroupRef(String id, String displayName) {

  public GroupRef {
    Check.text(id, "GroupRef", "id");
    Check.required(displayName, "GroupRef", "displayName");
  }
}
