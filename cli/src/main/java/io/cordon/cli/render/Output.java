package io.cordon.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/** Prints an answer as the user asked: a human view, or the JSON as the service sent it. */
public final class Output {
  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final PrintStream out;
  private final OutputFormat format;

  public Output(PrintStream out, OutputFormat format) {
    this.out = out;
    this.format = format;
  }

  public OutputFormat format() {
    return format;
  }

  public boolean json() {
    return format == OutputFormat.JSON;
  }

  public PrintStream stream() {
    return out;
  }

  /** The JSON as is, or the lines {@code human} makes of it. */
  public void show(JsonNode answer, Function<JsonNode, List<String>> human) {
    if (json()) {
      printJson(answer);
    } else {
      human.apply(answer).forEach(out::println);
    }
    out.flush();
  }

  public void printJson(JsonNode node) {
    try {
      out.println(PRETTY.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Only for people: scripts reading JSON get nothing but the document. */
  public void say(String line) {
    if (!json()) {
      out.println(line);
      out.flush();
    }
  }
}
