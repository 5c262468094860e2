package io.cordon.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads (multi-document) YAML into plain maps and lists, the shape kustomize itself works on. */
final class Yaml {
  static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  private Yaml() {}

  static List<Object> documents(String text) {
    // one value per document (MappingIterator would unwrap a document that is a list)
    try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
      List<Object> result = new ArrayList<>();
      while (parser.nextToken() != null) {
        Object doc = MAPPER.readValue(parser, Object.class);
        if (doc != null) { // a document of comments only
          result.add(doc);
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("not valid YAML: " + e.getMessage(), e);
    }
  }

  /** Every document of a file, each of which must be a mapping (a Kubernetes resource). */
  static List<Map<String, Object>> resources(Path file) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Object doc : documents(read(file))) {
      if (!(doc instanceof Map)) {
        throw new IllegalArgumentException(file + ": a document is not a mapping");
      }
      result.add(asMap(doc));
    }
    return result;
  }

  static List<Map<String, Object>> resourcesOf(String text) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Object doc : documents(text)) {
      result.add(asMap(doc));
    }
    return result;
  }

  static Map<String, Object> single(Path file) {
    List<Object> docs = documents(read(file));
    if (docs.size() != 1 || !(docs.get(0) instanceof Map)) {
      throw new IllegalArgumentException(file + ": expected exactly one mapping");
    }
    return asMap(docs.get(0));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> asList(Object value) {
    return (List<Object>) value;
  }

  /** A deep, mutable copy: rendering and negative tests never change what they were given. */
  static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> result = new LinkedHashMap<>();
      map.forEach((k, v) -> result.put(String.valueOf(k), copy(v)));
      return result;
    }
    if (value instanceof List<?> list) {
      List<Object> result = new ArrayList<>();
      list.forEach(v -> result.add(copy(v)));
      return result;
    }
    return value;
  }

  static Map<String, Object> copyMap(Map<String, Object> value) {
    return asMap(copy(value));
  }
}
