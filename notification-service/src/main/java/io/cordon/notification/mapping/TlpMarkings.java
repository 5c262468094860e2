package io.cordon.notification.mapping;

import io.cordon.contracts.Tlp;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TLP 2.0 marking definitions OASIS publishes for STIX 2.1 (TLP 2.0 extension {@value
 * #EXTENSION}, oasis-open/cti-stix-common-objects, {@code
 * extension-definition-specifications/tlp-2.0/marking-definition.json} and its examples). Their
 * ids, names and {@code created} are fixed by that publication and must be used as they are.
 */
public final class TlpMarkings {
  public static final String EXTENSION =
      "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
  static final String CREATED = "2022-10-01T00:00:00.000Z";

  private static final Map<Tlp, String> IDS =
      Map.of(
          Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
          Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
          Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
          Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
          Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

  private TlpMarkings() {}

  public static String id(Tlp tlp) {
    return IDS.get(tlp);
  }

  /** The published object, e.g. TLP:AMBER with {@code tlp_2_0: "amber"}. */
  public static StixObjects.MarkingDefinition definition(Tlp tlp) {
    String level = tlp.name().toLowerCase(java.util.Locale.ROOT).replace('_', '+');
    return new StixObjects.MarkingDefinition(
        "marking-definition",
        StixObjects.SPEC_VERSION,
        id(tlp),
        CREATED,
        tlp.label(),
        Map.of(
            EXTENSION,
            new TreeMap<>(Map.of("extension_type", "property-extension", "tlp_2_0", level))));
  }
}
