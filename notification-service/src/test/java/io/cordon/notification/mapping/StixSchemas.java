package io.cordon.notification.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official STIX 2.1 JSON schemas (oasis-open/cti-stix2-json-schemas), vendored under {@code
 * stix2.1-schemas/}: their {@code $id} URLs are mapped to the class path, so nothing is fetched.
 */
public final class StixSchemas {
  private static final String BASE =
      "raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(
                  mappers ->
                      mappers
                          .mapPrefix("http://" + BASE, "classpath:stix2.1-schemas/")
                          .mapPrefix("https://" + BASE, "classpath:stix2.1-schemas/")));
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().locale(Locale.ENGLISH).build();
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

  // the folder of each object type's schema
  private static final Map<String, String> FOLDERS =
      Map.of(
          "marking-definition", "common",
          "bundle", "common",
          "sighting", "sros",
          "relationship", "sros",
          "user-account", "observables",
          "ipv4-addr", "observables",
          "url", "observables");

  private StixSchemas() {}

  /** The schema errors of a STIX object (or bundle), against the schema of its {@code type}. */
  public static List<String> errors(JsonNode object) {
    String type = object.path("type").asText();
    String folder = FOLDERS.getOrDefault(type, "sdos");
    JsonSchema schema =
        SCHEMAS.computeIfAbsent(
            type,
            t -> {
              JsonSchema loaded =
                  FACTORY.getSchema(
                      SchemaLocation.of("http://" + BASE + folder + "/" + t + ".json"), CONFIG);
              loaded.initializeValidators();
              return loaded;
            });
    return schema.validate(object).stream().map(ValidationMessage::toString).toList();
  }
}
