package io.cordon.notification.service.taxii;

import java.util.List;

/**
 * One page of a filtered collection.
 *
 * @param next the offset of the next page; null when there is none
 */
public record TaxiiPage(List<TaxiiObject> objects, boolean more, Integer next) {}
