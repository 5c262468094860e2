package io.cordon.account.service.detection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Lenient reads of vendor JSON: absent, null, blank and wrongly typed values all read as null. */
final class Nodes {
  private Nodes() {}

  /** The field's text (numbers and booleans as text), stripped; null when absent or blank. */
  static String text(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      return null;
    }
    return scalar(node.get(field));
  }

  /** Like {@link #text} but matches the field name ignoring case ("UpnName", "upnName"). */
  static String textIgnoreCase(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      return null;
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (entry.getKey().equalsIgnoreCase(field)) {
        String value = scalar(entry.getValue());
        if (value != null) {
          return value;
        }
      }
    }
    return null;
  }

  /** The field if it is an array, else null. */
  static JsonNode array(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isArray() ? value : null;
  }

  /** The field if it is an object, else null. */
  static JsonNode object(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isObject() ? value : null;
  }

  static boolean has(JsonNode node, String field) {
    return text(node, field) != null;
  }

  /** The {@code @odata.type}, lower case and without the leading '#'; null when absent. */
  static String odataType(JsonNode node) {
    String type = text(node, "@odata.type");
    if (type == null) {
      return null;
    }
    type = type.toLowerCase(Locale.ROOT);
    return type.startsWith("#") ? type.substring(1) : type;
  }

  static boolean isValueBatch(JsonNode payload) {
    return payload != null && payload.isObject() && array(payload, "value") != null;
  }

  /**
   * The items of an OData-style payload: the elements of {@code {value:[...]}}, or the payload
   * itself when it is a single object.
   */
  static List<JsonNode> items(JsonNode payload) {
    List<JsonNode> items = new ArrayList<>();
    if (isValueBatch(payload)) {
      payload.get("value").forEach(items::add);
    } else if (payload != null && payload.isObject()) {
      items.add(payload);
    }
    return items;
  }

  /** "value[2]" + "evidence[0]" gives "value[2].evidence[0]"; the root path is "". */
  static String at(String path, String child) {
    return path.isEmpty() ? child : path + "." + child;
  }

  private static String scalar(JsonNode value) {
    if (value == null || !value.isValueNode() || value.isNull()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }
}
