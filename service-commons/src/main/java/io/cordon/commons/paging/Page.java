package io.cordon.commons.paging;

import java.util.List;

/**
 * A collection answer: one page of items and the opaque cursor of the next page (null at the end).
 */
public record Page<T>(List<T> items, String next) {
  public Page {
    items = List.copyOf(items);
  }
}
