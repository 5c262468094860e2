package io.cordon.deploy;

import io.cordon.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service does on the bus, read from its sources rather than written down a second time: the
 * topics and consumer groups of its {@code mp.messaging.incoming} channels (application.properties,
 * no profile) and the topics its code publishes to through the outbox ({@code publish(Topics.X,
 * ...)} or {@code publishAgain(Topics.X, ...)}).
 */
record KafkaAccess(Set<String> reads, Set<String> groups, Set<String> writes) {
  private static final Pattern INCOMING =
      Pattern.compile("(?m)^mp\\.messaging\\.incoming\\.[\\w-]+\\.(topic|group\\.id)=(.+)$");
  private static final Pattern PUBLISH =
      Pattern.compile("\\bpublish(?:Again)?\\(\\s*Topics\\.([A-Z_]+)");

  static KafkaAccess of(Path serviceModule) {
    Set<String> reads = new TreeSet<>();
    Set<String> groups = new TreeSet<>();
    Matcher incoming =
        INCOMING.matcher(read(serviceModule.resolve("src/main/resources/application.properties")));
    while (incoming.find()) {
      (incoming.group(1).equals("topic") ? reads : groups).add(incoming.group(2).trim());
    }
    Set<String> writes = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(serviceModule.resolve("src/main/java"))) {
      sources
          .filter(p -> p.toString().endsWith(".java"))
          .forEach(
              source -> {
                Matcher publish = PUBLISH.matcher(read(source));
                while (publish.find()) {
                  writes.add(topic(publish.group(1)));
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new KafkaAccess(Set.copyOf(reads), Set.copyOf(groups), Set.copyOf(writes));
  }

  private static String topic(String constant) {
    try {
      return (String) Topics.class.getField(constant).get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Topics." + constant + " is not a contract topic", e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
