package io.cordon.contracts.events;

import java.util.Locale;

/** Common shape of every event on the Cordon topics. */
public interface CordonEvent {

  /** Major version of the event's JSON Schema; additive changes keep it. */
  int schemaVersion();

  /** Unique per event; consumers record it to process each event once. */
  String eventId();

  /**
   * CloudEvents {@code type}, e.g. {@code cordon.compromise-reported.v1}; also names the JSON
   * Schema file {@code schemas/compromise-reported.v1.schema.json}.
   */
  default String eventType() {
    String kebab =
        getClass()
            .getSimpleName()
            .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
            .toLowerCase(Locale.ROOT);
    return "cordon." + kebab + ".v" + schemaVersion();
  }
}
