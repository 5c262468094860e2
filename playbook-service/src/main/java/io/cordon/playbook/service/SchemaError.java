package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One error of the JSON-Schema validator, in our terms.
 *
 * @param keyword the schema keyword that failed ({@code enum}, {@code required}, ...)
 * @param pointer JSON pointer of that keyword in the schema, e.g. {@code /$defs/Approval/required}
 * @param at where in the document the failing value is
 * @param property the property the keyword names, for {@code required}, {@code
 *     additionalProperties} and {@code propertyNames}; else null
 * @param value the failing value
 * @param message the validator's own message, location removed; used when we have no better words
 */
record SchemaError(
    String keyword,
    String pointer,
    DocumentPath at,
    String property,
    JsonNode value,
    String message) {

  /** The field to name: the missing, unknown or misnamed property itself where there is one. */
  DocumentPath field() {
    return property == null ? at : at.field(property);
  }

  /** Whether this error comes from inside the schema at {@code schemaPointer}. */
  boolean within(String schemaPointer) {
    return pointer.startsWith(schemaPointer + "/");
  }
}
