package io.cordon.playbook.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.cordon.playbook.model.DocumentFormat;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a playbook document into a JSON tree without interpreting it, so that the validator can
 * report every problem with its path. Duplicate keys, several documents and YAML aliases are
 * refused here.
 */
public final class PlaybookParser {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final ObjectMapper YAML = yamlMapper();

  private PlaybookParser() {}

  /** The document's top-level mapping. */
  public static ObjectNode parse(String text, DocumentFormat format)
      throws DocumentSyntaxException {
    if (text == null || text.isBlank()) {
      throw new DocumentSyntaxException("the body is empty; send a playbook");
    }
    JsonNode root;
    try {
      if (format == DocumentFormat.YAML) {
        refuseAliases(text);
      }
      root = (format == DocumentFormat.YAML ? YAML : JSON).readTree(text);
    } catch (JsonProcessingException e) {
      throw new DocumentSyntaxException(describe(e, format));
    } catch (IOException e) {
      throw new UncheckedIOException("Reading a string failed", e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new DocumentSyntaxException("the body holds no playbook");
    }
    if (!root.isObject()) {
      throw new DocumentSyntaxException(
          "a playbook must be a mapping (object) with name and steps, not "
              + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return (ObjectNode) root;
  }

  /**
   * Jackson reads a YAML alias ({@code *name}) as the text "name", which would turn a reused block
   * into a confusing type error; playbooks spell every value out instead.
   */
  private static void refuseAliases(String text) throws IOException, DocumentSyntaxException {
    try (JsonParser parser = YAML.getFactory().createParser(text)) {
      while (parser.nextToken() != null) {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
          JsonLocation at = parser.currentTokenLocation();
          throw new DocumentSyntaxException(
              "not valid YAML: line "
                  + at.getLineNr()
                  + ", column "
                  + at.getColumnNr()
                  + ": aliases (*"
                  + parser.getText()
                  + ") are not supported; write the value out");
        }
      }
    }
  }

  private static String describe(JsonProcessingException e, DocumentFormat format) {
    String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
    int newline = message.indexOf('\n');
    String first = (newline < 0 ? message : message.substring(0, newline)).strip();
    JsonLocation location = e.getLocation();
    String where =
        location == null || location.getLineNr() < 1
            ? ""
            : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    return "not valid " + format.name() + ": " + where + first;
  }

  private static ObjectMapper yamlMapper() {
    return YAMLMapper.builder()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }
}
