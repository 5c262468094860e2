package io.cordon.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.contracts.RecordComponents;
import io.cordon.contracts.SampleEvents;
import io.cordon.contracts.events.CordonEvent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps the hand-written JSON Schemas in step with the records they describe. */
class EventSchemaTest {

  private static final ObjectMapper MAPPER = EventJson.newObjectMapper();

  static Stream<CordonEvent> events() {
    return SampleEvents.all().stream();
  }

  @ParameterizedTest
  @MethodSource("events")
  void isADraft202012SchemaNamedAfterTheEventType(CordonEvent event) throws IOException {
    JsonNode schema = schemaOf(event);

    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("title").asText()).isEqualTo(event.getClass().getSimpleName());
    assertThat(schema.path("properties").path("schemaVersion").path("const").asInt())
        .isEqualTo(event.schemaVersion());
  }

  @ParameterizedTest
  @MethodSource("events")
  void requiresExactlyTheNonOptionalComponents(CordonEvent event) throws IOException {
    JsonNode schema = schemaOf(event);

    assertMatchesRecord(schema, event.getClass());
    for (Map.Entry<String, JsonNode> definition : schema.path("$defs").properties()) {
      assertMatchesRecord(definition.getValue(), eventsClass(definition.getKey()));
    }
  }

  @ParameterizedTest
  @MethodSource("events")
  void describesEveryFieldTheWriterProduces(CordonEvent event) throws IOException {
    JsonNode schema = schemaOf(event);
    JsonNode written = MAPPER.readTree(EventJson.write(event));

    assertDeclared(written, schema, schema, event.getClass().getSimpleName());
  }

  private static void assertMatchesRecord(JsonNode schema, Class<?> record) {
    String name = record.getSimpleName();
    assertThat(texts(schema.path("required")))
        .as("%s required", name)
        .containsExactlyInAnyOrderElementsOf(RecordComponents.required(record));
    assertThat(fieldNames(schema.path("properties")))
        .as("%s properties", name)
        .containsExactlyInAnyOrderElementsOf(RecordComponents.all(record));
    for (RecordComponent component : record.getRecordComponents()) {
      assertPropertyType(schema.path("properties").path(component.getName()), component, name);
    }
  }

  private static void assertPropertyType(JsonNode property, RecordComponent component, String in) {
    String where = in + "." + component.getName();
    Class<?> type = component.getType();
    if (type.isEnum()) {
      List<String> constants =
          Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
      assertThat(texts(property.path("enum"))).as(where).isEqualTo(constants);
    } else if (type.isRecord()) {
      assertThat(property.path("$ref").asText()).as(where).isEqualTo(ref(type));
    } else if (List.class.equals(type)) {
      assertThat(property.path("type").asText()).as(where).isEqualTo("array");
      Class<?> element = elementType(component.getGenericType());
      if (element.isRecord()) {
        assertThat(property.path("items").path("$ref").asText()).as(where).isEqualTo(ref(element));
      } else {
        assertThat(property.path("items").path("type").asText()).as(where).isEqualTo("string");
      }
    } else {
      assertThat(property.path("type").asText()).as(where).isEqualTo(jsonType(type));
    }
  }

  /** Fails on any field written by the app that the schema does not declare, at any depth. */
  private static void assertDeclared(JsonNode value, JsonNode schema, JsonNode root, String at) {
    JsonNode resolved = resolve(schema, root);
    if (value.isObject() && resolved.has("properties")) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        JsonNode property = resolved.path("properties").path(field.getKey());
        assertThat(property.isMissingNode()).as("%s.%s declared", at, field.getKey()).isFalse();
        assertDeclared(field.getValue(), property, root, at + "." + field.getKey());
      }
    } else if (value.isArray()) {
      for (JsonNode element : value) {
        assertDeclared(element, resolved.path("items"), root, at + "[]");
      }
    }
  }

  private static JsonNode resolve(JsonNode schema, JsonNode root) {
    String ref = schema.path("$ref").asText("");
    if (ref.isEmpty()) {
      return schema;
    }
    JsonNode target = root.at(ref.substring(1));
    assertThat(target.isMissingNode()).as("%s resolves", ref).isFalse();
    return target;
  }

  private static JsonNode schemaOf(CordonEvent event) throws IOException {
    String path = "/schemas/" + event.eventType().substring("cordon.".length()) + ".schema.json";
    try (InputStream in = EventSchemaTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return MAPPER.readTree(in);
    }
  }

  private static Class<?> eventsClass(String simpleName) {
    try {
      return Class.forName("io.cordon.contracts.events." + simpleName);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("$defs/" + simpleName + " names no record in contracts", e);
    }
  }

  private static Class<?> elementType(Type listType) {
    return (Class<?>) ((ParameterizedType) listType).getActualTypeArguments()[0];
  }

  private static String ref(Class<?> record) {
    return "#/$defs/" + record.getSimpleName();
  }

  private static String jsonType(Class<?> type) {
    if (type == int.class) {
      return "integer";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (Map.class.equals(type)) {
      return "object";
    }
    return "string";
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
