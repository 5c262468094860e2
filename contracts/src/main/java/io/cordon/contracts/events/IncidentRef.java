package io.cordon.contracts.events;

import io.cordon.contracts.OptionalField;
import io.cordon.contracts.Severity;

/**
 * The incident a report or notice belongs to.
 *
 * @param title absent when the report gave only an incident id (e.g. CSV upload)
 * @param severity absent when the reporter did not rate the incident
 */
public record IncidentRef(
    String id, @OptionalField String title, @OptionalField Severity severity) {

  public IncidentRef {
    Check.text(id, "IncidentRef", "id");
    Check.optionalText(title, "IncidentRef", "title");
  }
}
