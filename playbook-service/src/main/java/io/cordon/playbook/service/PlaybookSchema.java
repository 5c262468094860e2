package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The playbook JSON Schema of {@code contracts} ({@code schemas/playbook.v1.schema.json}), applied
 * by a JSON-Schema validator (networknt json-schema-validator, draft 2020-12): the service checks
 * exactly what editors check, and a rule added to the schema is enforced without a Java change.
 */
final class PlaybookSchema {
  static final String RESOURCE = "/schemas/playbook.v1.schema.json";

  private static final PlaybookSchema CONTRACT = new PlaybookSchema(load());

  private final JsonNode root;
  private final JsonSchema schema;

  PlaybookSchema(JsonNode root) {
    this.root = root;
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            // its own messages are the fallback wording: the same whatever the server's locale
            .locale(Locale.ENGLISH)
            .build();
    this.schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root, config);
    // resolve every $ref now, not lazily during concurrent validations
    schema.initializeValidators();
  }

  /** The schema as {@code contracts} ships it. */
  static PlaybookSchema contract() {
    return CONTRACT;
  }

  JsonNode root() {
    return root;
  }

  /**
   * Every error, with those of {@code oneOf} alternatives the value was clearly not meant for
   * removed.
   */
  List<SchemaError> check(JsonNode document) {
    List<SchemaError> errors = new ArrayList<>();
    for (ValidationMessage message : schema.validate(document)) {
      errors.add(error(message));
    }
    return OneOfBranches.keepMeant(errors, root);
  }

  private static SchemaError error(ValidationMessage message) {
    DocumentPath at = documentPath(message.getInstanceLocation());
    String text = message.getMessage();
    String prefix = message.getInstanceLocation() + ": ";
    return new SchemaError(
        message.getType(),
        pointer(message.getSchemaLocation().getFragment()),
        at,
        message.getProperty(),
        message.getInstanceNode() == null ? MissingNode.getInstance() : message.getInstanceNode(),
        text.startsWith(prefix) ? text.substring(prefix.length()) : text);
  }

  private static DocumentPath documentPath(JsonNodePath location) {
    DocumentPath path = DocumentPath.ROOT;
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path = element instanceof Integer index ? path.index(index) : path.field((String) element);
    }
    return path;
  }

  private static String pointer(JsonNodePath fragment) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < fragment.getNameCount(); i++) {
      String name = String.valueOf(fragment.getElement(i));
      pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }

  private static JsonNode load() {
    try (InputStream in = PlaybookSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing: it ships in the contracts jar");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A value that fits none of a {@code oneOf}'s alternatives fails each of them. When its type
   * shows which one was meant (a list of tenants, not a single tenant), only that alternative's
   * errors say something useful; else the {@code oneOf} itself is the one error to report.
   */
  private static final class OneOfBranches {
    private OneOfBranches() {}

    static List<SchemaError> keepMeant(List<SchemaError> errors, JsonNode root) {
      List<SchemaError> kept = new ArrayList<>(errors);
      for (SchemaError oneOf : errors) {
        if (!"oneOf".equals(oneOf.keyword())) {
          continue;
        }
        JsonNode branches = root.at(oneOf.pointer());
        OptionalInt meant = meant(branches, oneOf.value());
        if (meant.isPresent()) {
          String branch = oneOf.pointer() + "/" + meant.getAsInt();
          kept.removeIf(e -> e == oneOf || (e.within(oneOf.pointer()) && !e.within(branch)));
        } else {
          kept.removeIf(e -> e.within(oneOf.pointer()));
        }
      }
      return kept;
    }

    private static OptionalInt meant(JsonNode branches, JsonNode value) {
      int[] matching =
          IntStream.range(0, branches.size())
              .filter(i -> SchemaTypes.accepts(branches.get(i).path("type"), value))
              .toArray();
      return matching.length == 1 ? OptionalInt.of(matching[0]) : OptionalInt.empty();
    }
  }
}
