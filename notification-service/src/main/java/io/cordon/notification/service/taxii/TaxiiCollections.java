package io.cordon.notification.service.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.contracts.json.EventJson;
import io.cordon.notification.repository.NoticeEntity;
import io.cordon.notification.repository.NoticeRepository;
import io.cordon.notification.repository.PartnerEntity;
import io.cordon.notification.repository.PartnerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One TAXII collection per partner, holding the STIX objects of the notices that partner received
 * (already filtered by its disclosure and marked with its TLP when the notice was made). An object
 * carried by several notices is in the collection once per version, added with the first of them.
 */
@ApplicationScoped
public class TaxiiCollections {
  private static final ObjectMapper JSON = EventJson.newObjectMapper();

  @Inject PartnerRepository partners;
  @Inject NoticeRepository notices;

  /** The partner's collection: its id is the partner's id. */
  public record Collection(UUID id, String partnerName) {}

  @Transactional
  public Optional<Collection> collectionOf(UUID partnerId) {
    PartnerEntity partner = partners.findById(partnerId);
    return Optional.ofNullable(partner).map(p -> new Collection(p.id, p.name));
  }

  @Transactional
  public List<TaxiiObject> objects(UUID partnerId) {
    List<TaxiiObject> objects = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (NoticeEntity notice : notices.ofPartnerInOrder(partnerId)) {
      for (JsonNode stix : read(notice.body).at("/data/stix/objects")) {
        TaxiiObject object = object(stix, notice.createdAt);
        if (seen.add(object.id() + "|" + object.version())) {
          objects.add(object);
        }
      }
    }
    return objects;
  }

  private static TaxiiObject object(JsonNode stix, Instant dateAdded) {
    String versionText =
        stix.hasNonNull("modified") ? stix.get("modified").asText() : stix.path("created").asText();
    Instant version = versionText.isEmpty() ? dateAdded : Instant.parse(versionText);
    return new TaxiiObject(
        stix.path("id").asText(),
        stix.path("type").asText(),
        version,
        stix.path("spec_version").asText("2.1"),
        dateAdded,
        stix);
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("stored partner notice is not readable", e);
    }
  }
}
