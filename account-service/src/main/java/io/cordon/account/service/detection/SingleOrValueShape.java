package io.cordon.account.service.detection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A shape sent either as one object or as an OData collection {@code {value:[...]}} of them (as
 * Microsoft Graph and the Azure REST APIs list resources). Every item of a collection must be of
 * the shape; the whole payload becomes one report.
 */
abstract class SingleOrValueShape implements DetectionShape {

  @Override
  public boolean matches(JsonNode payload) {
    List<JsonNode> items = Nodes.items(payload);
    return !items.isEmpty() && items.stream().allMatch(i -> i.isObject() && matchesItem(i));
  }

  @Override
  public Detection parse(JsonNode payload) {
    boolean batch = Nodes.isValueBatch(payload);
    List<JsonNode> items = Nodes.items(payload);
    List<DetectedItem> parsed = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      parsed.add(parseItem(items.get(i), batch ? "value[" + i + "]" : ""));
    }
    return Detection.merge(source(), name(), parsed);
  }

  /** Whether one object (the payload, or an element of its value array) is of the shape. */
  abstract boolean matchesItem(JsonNode item);

  /**
   * @param path the item's path in the payload ("" for a single object, "value[3]" in a batch)
   */
  abstract DetectedItem parseItem(JsonNode item, String path);
}
