package io.cordon.deploy;

import io.cordon.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service does on the bus, read from its sources rather than written down a second time: the
 * topics and consumer groups of its {@code mp.messaging.incoming} channels (application.properties,
 * no profile), the topics its code publishes to ({@code publish(Topics.X, ...)} or {@code
 * publishAgain(Topics.X, ...)}) and the topics it reads without a group ({@code
 * readLatest(Topics.X, ...)}). service-commons' code counts for every service: each one runs it
 * (e.g. the audit anchors every service publishes and reads back).
 */
record KafkaAccess(Set<String> reads, Set<String> groups, Set<String> writes) {
  private static final Pattern INCOMING =
      Pattern.compile("(?m)^mp\\.messaging\\.incoming\\.[\\w-]+\\.(topic|group\\.id)=(.+)$");
  private static final Pattern PUBLISH =
      Pattern.compile("\\bpublish(?:Again)?\\(\\s*Topics\\.([A-Z_]+)");
  private static final Pattern READ_WITHOUT_GROUP =
      Pattern.compile("\\breadLatest\\(\\s*Topics\\.([A-Z_]+)");

  static KafkaAccess of(Path serviceModule) {
    Set<String> reads = new TreeSet<>();
    Set<String> groups = new TreeSet<>();
    Matcher incoming =
        INCOMING.matcher(read(serviceModule.resolve("src/main/resources/application.properties")));
    while (incoming.find()) {
      (incoming.group(1).equals("topic") ? reads : groups).add(incoming.group(2).trim());
    }
    Set<String> writes = new TreeSet<>();
    for (Path module : List.of(serviceModule, serviceModule.resolveSibling("service-commons"))) {
      scan(module, PUBLISH, writes);
      scan(module, READ_WITHOUT_GROUP, reads);
    }
    return new KafkaAccess(Set.copyOf(reads), Set.copyOf(groups), Set.copyOf(writes));
  }

  private static void scan(Path module, Pattern call, Set<String> topics) {
    try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
      sources
          .filter(p -> p.toString().endsWith(".java"))
          .forEach(
              source -> {
                Matcher found = call.matcher(read(source));
                while (found.find()) {
                  topics.add(topic(found.group(1)));
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
