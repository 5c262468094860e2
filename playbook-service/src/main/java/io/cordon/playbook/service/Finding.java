package io.cordon.playbook.service;

import java.util.List;

/**
 * One problem found in a playbook document, before it is reported.
 *
 * @param order where it is listed: the field's position in the schema's declaration order (see
 *     {@link SchemaPositions}), so that problems read top to bottom like the reference
 */
record Finding(DocumentPath field, String reason, List<Integer> order) {

  Finding {
    order = List.copyOf(order);
  }

  static int compare(Finding a, Finding b) {
    List<Integer> x = a.order;
    List<Integer> y = b.order;
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      int byPosition = Integer.compare(x.get(i), y.get(i));
      if (byPosition != 0) {
        return byPosition;
      }
    }
    return Integer.compare(x.size(), y.size());
  }
}
