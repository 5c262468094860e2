package io.cordon.playbook.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a value sits in a playbook document: property names and list indexes, written the way the
 * API has always named fields ({@code steps[2].approval.onTimeout}; {@code body} for the document).
 */
record DocumentPath(List<Object> segments) {
  static final DocumentPath ROOT = new DocumentPath(List.of());

  DocumentPath {
    segments = List.copyOf(segments);
  }

  DocumentPath field(String name) {
    return append(name);
  }

  DocumentPath index(int index) {
    return append(index);
  }

  /** The index of the step this path is in, when it is in one. */
  Optional<Integer> stepIndex() {
    return segments.size() >= 2
            && "steps".equals(segments.get(0))
            && segments.get(1) instanceof Integer index
        ? Optional.of(index)
        : Optional.empty();
  }

  String text() {
    StringBuilder text = new StringBuilder();
    for (Object segment : segments) {
      if (segment instanceof Integer index) {
        text.append('[').append(index).append(']');
      } else {
        text.append(text.isEmpty() ? "" : ".").append(segment);
      }
    }
    return text.isEmpty() ? "body" : text.toString();
  }

  private DocumentPath append(Object segment) {
    List<Object> longer = new ArrayList<>(segments);
    longer.add(segment);
    return new DocumentPath(longer);
  }
}
