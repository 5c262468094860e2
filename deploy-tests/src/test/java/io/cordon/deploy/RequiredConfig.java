package io.cordon.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys a service needs from its production environment, read from its sources:
 *
 * <ul>
 *   <li>application.properties entries (no profile) whose value only works on a developer's
 *       machine: a localhost address, a {@code not-configured} placeholder, or a literal
 *       credential;
 *   <li>{@code @ConfigMapping} members with no {@code @WithDefault} that are not {@code Optional}
 *       or a {@code Map} of named groups (the service would not start), or whose default is {@code
 *       not-configured};
 *   <li>Optional members production must set all the same ({@link #PRODUCTION_OPTIONALS}: a client
 *       secret, the at-rest encryption key), checked to still exist in the mapping, so a rename
 *       cannot silently drop them from the deployment;
 *   <li>the MicroProfile JWT keys, which no mapping declares but without which every API call is
 *       refused (the properties' comment says so; checked too).
 * </ul>
 */
final class RequiredConfig {
  static final Set<String> PRODUCTION_OPTIONALS =
      Set.of(
          "cordon.graph.client-secret",
          "cordon.notification.secret-encryption-key",
          "cordon.audit.anchor.key");

  static final List<String> JWT_KEYS =
      List.of(
          "mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer", "mp.jwt.verify.audiences");

  private static final Pattern MAPPING_PREFIX =
      Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)");
  private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)\\s*\\{");
  private static final Pattern MEMBER =
      Pattern.compile("^\\s*([\\w.<>, ]+?)\\s+(\\w+)\\(\\)\\s*;\\s*$");
  private static final Pattern WITH_DEFAULT = Pattern.compile("@WithDefault\\(\"([^\"]*)\"\\)");
  private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\"([^\"]*)\"\\)");

  private RequiredConfig() {}

  /** A member of a config interface: its type, its name in config, and its default if any. */
  record Member(String type, String name, Optional<String> defaultValue) {}

  static Set<String> of(Path serviceModule) {
    Set<String> required = new TreeSet<>();
    String properties = read(serviceModule.resolve("src/main/resources/application.properties"));
    required.addAll(fromProperties(properties));
    // the service's own mappings and those of service-commons (outbox, ...), which it runs too
    List<Path> sources = new java.util.ArrayList<>(configMappings(serviceModule));
    sources.addAll(configMappings(serviceModule.resolveSibling("service-commons")));
    for (Path source : sources) {
      Map<String, Member> members = mappingMembers(read(source));
      members.forEach(
          (key, member) -> {
            // a map of named groups (cordon.graph.tenants.<name>.*) is empty when none is set
            boolean optional =
                member.type().startsWith("Optional") || member.type().startsWith("Map<");
            if (member.defaultValue().isEmpty() && !optional) {
              required.add(key);
            }
            if (member.defaultValue().filter(RequiredConfig::isPlaceholder).isPresent()) {
              required.add(key);
            }
            if (optional && PRODUCTION_OPTIONALS.contains(key)) {
              required.add(key);
            }
          });
    }
    for (String key : JWT_KEYS) {
      if (!properties.contains(key)) {
        throw new IllegalStateException(
            serviceModule + " no longer mentions " + key + ": check how it authenticates callers");
      }
      required.add(key);
    }
    return required;
  }

  /** The production-only Optionals some mapping of this service declares. */
  static Set<String> productionOptionalsDeclared(Path serviceModule) {
    Set<String> seen = new TreeSet<>();
    for (Path source : configMappings(serviceModule)) {
      for (String key : mappingMembers(read(source)).keySet()) {
        if (PRODUCTION_OPTIONALS.contains(key)) {
          seen.add(key);
        }
      }
    }
    return seen;
  }

  static Set<String> fromProperties(String properties) {
    Set<String> required = new TreeSet<>();
    for (String line : properties.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("%")) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals < 0) {
        continue;
      }
      String key = trimmed.substring(0, equals).strip();
      String value = trimmed.substring(equals + 1).strip();
      boolean credential = key.endsWith(".password") || key.endsWith(".username");
      if (isPlaceholder(value) || (credential && !value.isEmpty())) {
        required.add(key);
      }
    }
    return required;
  }

  static boolean isPlaceholder(String value) {
    return value.contains("localhost")
        || value.contains("127.0.0.1")
        || value.equalsIgnoreCase("not-configured");
  }

  /**
   * The members of the {@code @ConfigMapping} interface in one source file, keyed by their full
   * config name; members whose type is a nested interface are groups and expand into theirs.
   */
  static Map<String, Member> mappingMembers(String source) {
    Matcher prefix = MAPPING_PREFIX.matcher(source);
    if (!prefix.find()) {
      return Map.of();
    }
    Map<String, Map<String, Member>> interfaces = interfaces(source);
    String root = interfaceAfter(source, prefix.end());
    Map<String, Member> result = new LinkedHashMap<>();
    expand(prefix.group(1), root, interfaces, result);
    return result;
  }

  private static void expand(
      String prefix,
      String interfaceName,
      Map<String, Map<String, Member>> interfaces,
      Map<String, Member> into) {
    for (Member member : interfaces.getOrDefault(interfaceName, Map.of()).values()) {
      String key = prefix + "." + member.name();
      if (interfaces.containsKey(member.type())) {
        expand(key, member.type(), interfaces, into);
      } else {
        into.put(key, member);
      }
    }
  }

  private static String interfaceAfter(String source, int from) {
    Matcher matcher = INTERFACE.matcher(source);
    if (!matcher.find(from)) {
      throw new IllegalStateException("@ConfigMapping without an interface");
    }
    return matcher.group(1);
  }

  /** Each interface's direct members, tracking braces so nested interfaces keep their own. */
  private static Map<String, Map<String, Member>> interfaces(String source) {
    Map<String, Map<String, Member>> result = new LinkedHashMap<>();
    Deque<String> open = new ArrayDeque<>(); // interface name, or "" for any other block
    StringBuilder annotations = new StringBuilder();
    for (String line : source.split("\n")) {
      String code = line.replaceAll("^\\s*//.*$", "");
      Matcher declaration = INTERFACE.matcher(code);
      if (declaration.find()) {
        open.push(declaration.group(1));
        result.put(declaration.group(1), new LinkedHashMap<>());
        annotations.setLength(0);
        continue;
      }
      Matcher member = MEMBER.matcher(code);
      if (member.matches() && !open.isEmpty() && !open.peek().isEmpty()) {
        Matcher name = WITH_NAME.matcher(annotations);
        Matcher defaultValue = WITH_DEFAULT.matcher(annotations);
        String configName = name.find() ? name.group(1) : kebab(member.group(2));
        result
            .get(open.peek())
            .put(
                configName,
                new Member(
                    member.group(1).strip(),
                    configName,
                    defaultValue.find() ? Optional.of(defaultValue.group(1)) : Optional.empty()));
        annotations.setLength(0);
        continue;
      }
      if (code.strip().startsWith("@")) {
        annotations.append(code.strip()).append('\n');
      }
      for (char c : code.toCharArray()) {
        if (c == '{') {
          open.push("");
        } else if (c == '}' && !open.isEmpty()) {
          open.pop();
        }
      }
    }
    return result;
  }

  /** SmallRye's member-name-to-config-name rule: camelCase becomes kebab-case. */
  static String kebab(String member) {
    return member.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }

  /** The environment variable name Quarkus reads a key from. */
  static String envName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
  }

  private static List<Path> configMappings(Path serviceModule) {
    try (Stream<Path> files = Files.walk(serviceModule.resolve("src/main/java"))) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> read(p).contains("@ConfigMapping("))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    return Yaml.read(file);
  }
}
