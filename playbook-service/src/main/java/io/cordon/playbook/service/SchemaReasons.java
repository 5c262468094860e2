package io.cordon.playbook.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cordon.playbook.model.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Says why a schema rule failed, in the words the API has always used. Most reasons are built from
 * the failing keyword and the schema's own values (its enum, bounds, declared properties), so a
 * rule changed in the schema is described correctly without a Java change. A few rules have words
 * of their own, looked up by where they sit in the schema; should the schema move one, it is still
 * enforced and described by the generic words. A keyword not known here is described by the
 * validator's own message.
 */
final class SchemaReasons {
  private static final int MAX_ECHO = 64;

  private final JsonNode schema;
  private final Map<String, BiFunction<SchemaError, JsonNode, String>> ownWords;

  SchemaReasons(JsonNode schema) {
    this.schema = schema;
    this.ownWords =
        Map.ofEntries(
            Map.entry("/$defs/Identifier/pattern", (e, doc) -> Identifiers.RULE),
            Map.entry("/$defs/Duration/type", (e, doc) -> DurationRules.SYNTAX),
            Map.entry("/$defs/Duration/pattern", (e, doc) -> DurationRules.SYNTAX),
            Map.entry("/$defs/Step/properties/action/enum", (e, doc) -> unknownAction(e)),
            Map.entry(
                "/$defs/Step/allOf/0/then/properties/scope/const", this::runScopeForAccountAction),
            Map.entry("/$defs/Step/allOf/1/then/required", (e, doc) -> "is required: " + runOnly()),
            Map.entry("/$defs/Step/allOf/1/then/properties/scope/const", (e, doc) -> runOnly()),
            Map.entry(
                "/$defs/Step/properties/parameters/propertyNames",
                (e, doc) ->
                    "parameter names start with a letter and hold up to 64 letters, digits, '_',"
                        + " '.' or '-'"),
            Map.entry(
                "/$defs/Condition/minProperties",
                (e, doc) ->
                    "must name at least one condition: "
                        + String.join(", ", names(schema.at("/$defs/Condition/properties")))),
            Map.entry(
                "/$defs/Condition/properties/tenant/oneOf",
                (e, doc) ->
                    "must be a tenant id or domain, or a list of them (1-"
                        + keyword(e).path(0).path("maxLength").asText()
                        + " characters each)"),
            Map.entry("/properties/steps/minItems", (e, doc) -> "must list at least one step"),
            Map.entry(
                "/properties/steps/maxItems",
                (e, doc) -> "must list at most " + keyword(e).asText() + " steps"));
  }

  /** Why {@code error} refuses the document; {@code document} is the whole playbook. */
  String reason(SchemaError error, JsonNode document) {
    BiFunction<SchemaError, JsonNode, String> own = ownWords.get(error.pointer());
    if (own != null) {
      return own.apply(error, document);
    }
    JsonNode owner = schema.at(parent(error.pointer()));
    return switch (error.keyword()) {
      case "required" -> "is required";
      case "additionalProperties" -> unknownField(error.property(), owner);
      case "type" -> mustBe(SchemaTypes.names(keyword(error)), owner);
      case "enum" -> "must be one of " + String.join(", ", texts(keyword(error)));
      case "const" -> "must be " + keyword(error).asText();
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> range(owner);
      case "minLength", "maxLength" -> length(owner);
      case "minItems", "maxItems" -> count(owner);
      case "minProperties" -> "must have at least " + keyword(error).asText() + " entries";
      case "maxProperties" -> "must have at most " + keyword(error).asText() + " " + noun(error);
      case "propertyNames" -> "is not an allowed name here (" + error.message() + ")";
      default -> error.message();
    };
  }

  private JsonNode keyword(SchemaError error) {
    return schema.at(error.pointer());
  }

  private String unknownAction(SchemaError error) {
    List<String> allowed = texts(keyword(error));
    String action = error.value().asText();
    return "unknown action "
        + (action.length() > MAX_ECHO ? action.substring(0, MAX_ECHO) + "..." : action)
        + Suggestions.hint(action, allowed)
        + "; must be one of "
        + String.join(", ", allowed);
  }

  /** The step rule "actions outside this list run per account", said with the list. */
  private String runScopeForAccountAction(SchemaError error, JsonNode document) {
    JsonNode runLevel = schema.at("/$defs/Step/allOf/0/if/properties/action/not/enum");
    JsonNode action =
        error.at().stepIndex().map(i -> document.path("steps").path(i)).orElse(document);
    String name = action.path("action").asText();
    boolean known = texts(schema.at("/$defs/Step/properties/action/enum")).contains(name);
    return "run is only for run-level actions ("
        + String.join(", ", texts(runLevel))
        + "); "
        + (known ? name : "this action")
        + " runs per account";
  }

  private String runOnly() {
    String action = schema.at("/$defs/Step/allOf/1/if/properties/action/const").asText();
    return action + " runs once per run, set scope: run";
  }

  private static String unknownField(String name, JsonNode owner) {
    List<String> allowed = names(owner.path("properties"));
    String hint =
        Suggestions.closest(name, allowed).map(s -> "did you mean " + s + "? ").orElse("");
    return "unknown field; "
        + hint
        + "allowed here: "
        + allowed.stream().filter(f -> !f.startsWith("$")).collect(Collectors.joining(", "));
  }

  private static String mustBe(List<String> types, JsonNode owner) {
    if (types.size() > 1) {
      // several types: a string's length limit is part of what is allowed
      List<String> nouns = new ArrayList<>();
      types.forEach(type -> nouns.add(SchemaTypes.noun(type, owner)));
      return "must be " + alternatives(nouns);
    }
    String type = types.get(0);
    if ("boolean".equals(type)) {
      return "must be true or false";
    }
    if ("object".equals(type) && !owner.path("required").isEmpty()) {
      return "must be a mapping (object) with at least "
          + String.join(" and ", texts(owner.path("required")));
    }
    return "must be " + SchemaTypes.noun(type, MissingNode.getInstance());
  }

  private static String range(JsonNode owner) {
    String min = bound(owner, "minimum", "exclusiveMinimum");
    String max = bound(owner, "maximum", "exclusiveMaximum");
    if (min != null && max != null) {
      return "must be between " + min + " and " + max;
    }
    return min != null ? "must be at least " + min : "must be at most " + max;
  }

  private static String length(JsonNode owner) {
    List<String> types = SchemaTypes.names(owner.path("type"));
    if (types.size() > 1) {
      return mustBe(types, owner);
    }
    int min = owner.path("minLength").asInt(0);
    String max = owner.has("maxLength") ? owner.get("maxLength").asText() : null;
    if (max == null) {
      return min == 1 ? "must not be empty" : "must be at least " + min + " characters";
    }
    if (min == 1) {
      return "must be a non-empty string of at most " + max + " characters";
    }
    return min > 1
        ? "must be " + min + " to " + max + " characters"
        : "must be at most " + max + " characters";
  }

  private static String count(JsonNode owner) {
    String min = owner.has("minItems") ? owner.get("minItems").asText() : null;
    String max = owner.has("maxItems") ? owner.get("maxItems").asText() : null;
    if (min != null && max != null) {
      return "must list " + min + " to " + max + " values";
    }
    return min != null
        ? "must list at least " + min + " values"
        : "must list at most " + max + " values";
  }

  /** What a mapping holds, from its field name: "must have at most 50 parameters". */
  private static String noun(SchemaError error) {
    List<Object> segments = error.at().segments();
    return !segments.isEmpty() && segments.get(segments.size() - 1) instanceof String name
        ? name
        : "entries";
  }

  private static String bound(JsonNode owner, String inclusive, String exclusive) {
    JsonNode bound = owner.has(inclusive) ? owner.get(inclusive) : owner.get(exclusive);
    if (bound == null) {
      return null;
    }
    return bound.isIntegralNumber()
        ? bound.asText()
        : bound.decimalValue().stripTrailingZeros().toPlainString();
  }

  private static String alternatives(List<String> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " or "
        + words.get(words.size() - 1);
  }

  private static List<String> texts(JsonNode values) {
    List<String> texts = new ArrayList<>();
    values.forEach(value -> texts.add(value.asText()));
    return texts;
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }
}
