package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The position of a document field in the schema's declaration order: {@code [4, 2, 5]} for {@code
 * steps[2].retry} (steps is the 5th root property, retry the 6th step property). A field the schema
 * does not declare comes first in its object (-1): an unknown field is usually the typo that
 * explains the problems after it.
 */
final class SchemaPositions {
  static final int UNDECLARED = -1;

  private final JsonNode root;

  SchemaPositions(JsonNode root) {
    this.root = root;
  }

  List<Integer> of(DocumentPath path) {
    List<Integer> positions = new ArrayList<>();
    JsonNode schema = root;
    for (Object segment : path.segments()) {
      schema = resolved(schema);
      if (segment instanceof Integer index) {
        positions.add(index);
        schema = schema.path("items");
      } else {
        JsonNode properties = schema.path("properties");
        positions.add(position(properties, (String) segment));
        schema = properties.path((String) segment);
      }
    }
    return positions;
  }

  private JsonNode resolved(JsonNode schema) {
    JsonNode current = schema;
    // a chain of local references ends; a cycle would mean a broken schema, so stop after a few
    for (int hops = 0; hops < 8 && current.path("$ref").asText().startsWith("#"); hops++) {
      current = root.at(current.path("$ref").asText().substring(1));
    }
    return current;
  }

  private static int position(JsonNode properties, String name) {
    int position = 0;
    for (Iterator<String> names = properties.fieldNames(); names.hasNext(); position++) {
      if (names.next().equals(name)) {
        return position;
      }
    }
    return UNDECLARED;
  }
}
