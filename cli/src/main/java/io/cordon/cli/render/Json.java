package io.cordon.cli.render;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the services' JSON leniently: a missing field shows as "-", never as an exception. */
final class Json {
  private Json() {}

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  /** A playbook as runs list it ({@code "name"}) or show it ({@code {name, version}}). */
  static String playbook(JsonNode node) {
    JsonNode playbook = node.path("playbook");
    if (playbook.isObject()) {
      String version = text(playbook, "version");
      return text(playbook, "name") + (version == null ? "" : " v" + version);
    }
    return playbook.isValueNode() && !playbook.isNull() ? playbook.asText() : null;
  }

  static String nextPageHint(JsonNode page) {
    return page.path("next").isTextual() ? "more: --cursor " + page.path("next").asText() : null;
  }
}
