package io.cordon.notification.service.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A STIX object in a partner's collection.
 *
 * @param version the object's {@code modified}, else its {@code created}: what TAXII calls its
 *     version
 * @param dateAdded when the collection got it: when the notice that carried it was made
 */
public record TaxiiObject(
    String id,
    String type,
    Instant version,
    String specVersion,
    Instant dateAdded,
    JsonNode stix) {}
