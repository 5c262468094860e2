package io.cordon.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to start and where. The defaults are DESIGN §8's ports; system tests pass free ones so a
 * running local stack and a test run never collide.
 */
public record StackOptions(
    Path repositoryRoot,
    Path workDirectory,
    Ports ports,
    boolean demo,
    boolean exitAfterDemo,
    Path incidentCsv,
    Path partnersFile,
    int generatedUsers) {

  public record Ports(
      int account,
      int playbook,
      int notification,
      int simulator,
      int kafka,
      int postgres,
      int receiver) {
    public static Ports defaults() {
      return new Ports(8081, 8082, 8083, 8090, 9092, 15432, 8095);
    }

    /**
     * These ports with some replaced: {@code account:18081,postgres:25432}; the names are account,
     * playbook, notification, simulator, kafka, postgres and receiver.
     */
    public Ports with(String spec) {
      Map<String, Integer> ports = new LinkedHashMap<>(asMap());
      for (String entry : spec.split(",")) {
        String[] nameAndPort = entry.trim().split(":");
        if (nameAndPort.length != 2 || !ports.containsKey(nameAndPort[0])) {
          throw new IllegalArgumentException(
              "--ports takes <name>:<port>,... with the names "
                  + ports.keySet()
                  + ", not "
                  + entry);
        }
        ports.put(nameAndPort[0], port(nameAndPort[1]));
      }
      return new Ports(
          ports.get("account"),
          ports.get("playbook"),
          ports.get("notification"),
          ports.get("simulator"),
          ports.get("kafka"),
          ports.get("postgres"),
          ports.get("receiver"));
    }

    private Map<String, Integer> asMap() {
      Map<String, Integer> ports = new LinkedHashMap<>();
      ports.put("account", account);
      ports.put("playbook", playbook);
      ports.put("notification", notification);
      ports.put("simulator", simulator);
      ports.put("kafka", kafka);
      ports.put("postgres", postgres);
      ports.put("receiver", receiver);
      return ports;
    }

    private static int port(String value) {
      try {
        int port = Integer.parseInt(value.trim());
        if (port > 0 && port < 65536) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("not a port: " + value);
    }
  }

  public static StackOptions defaults(Path repositoryRoot) {
    Path demoFolder = repositoryRoot.resolve("deploy/local/demo");
    return new StackOptions(
        repositoryRoot,
        repositoryRoot.resolve(".cordon-local"),
        Ports.defaults(),
        false,
        false,
        demoFolder.resolve("incident-200.csv"),
        demoFolder.resolve("partners.json"),
        0);
  }

  /**
   * {@code --demo}, {@code --exit-after-demo}, {@code --incident=<csv>}, and for a second stack
   * beside a running one {@code --ports=<name>:<port>,...} and {@code --work-dir=<dir>} (instead of
   * {@code .cordon-local}).
   */
  public static StackOptions parse(Path repositoryRoot, String[] args) {
    StackOptions options = defaults(repositoryRoot);
    List<String> unknown = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--demo")) {
        options = options.withDemo(true, options.exitAfterDemo());
      } else if (arg.equals("--exit-after-demo")) {
        options = options.withDemo(true, true);
      } else if (arg.startsWith("--incident=")) {
        options = options.withIncident(Path.of(arg.substring("--incident=".length())));
      } else if (arg.startsWith("--ports=")) {
        options =
            options.withPorts(
                options.ports().with(arg.substring("--ports=".length())), options.workDirectory());
      } else if (arg.startsWith("--work-dir=")) {
        Path workDirectory =
            Path.of(arg.substring("--work-dir=".length())).toAbsolutePath().normalize();
        options = options.withPorts(options.ports(), workDirectory);
      } else {
        unknown.add(arg);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "Unknown option(s) "
              + unknown
              + "; known: --demo, --exit-after-demo, --incident=<csv with an 'account' column>,"
              + " --ports=<name>:<port>,..., --work-dir=<dir>");
    }
    return options;
  }

  public StackOptions withDemo(boolean demo, boolean exitAfterDemo) {
    return new StackOptions(
        repositoryRoot,
        workDirectory,
        ports,
        demo,
        exitAfterDemo,
        incidentCsv,
        partnersFile,
        generatedUsers);
  }

  public StackOptions withIncident(Path csv) {
    return new StackOptions(
        repositoryRoot,
        workDirectory,
        ports,
        demo,
        exitAfterDemo,
        csv,
        partnersFile,
        generatedUsers);
  }

  public StackOptions withPorts(Ports ports, Path workDirectory) {
    return new StackOptions(
        repositoryRoot,
        workDirectory,
        ports,
        demo,
        exitAfterDemo,
        incidentCsv,
        partnersFile,
        generatedUsers);
  }

  /**
   * A synthetic simulator tenant of this many users instead of the demo tenant (0 keeps the demo
   * tenant): load and reliability runs with more accounts than the demo tenant has.
   */
  public StackOptions withGeneratedUsers(int users) {
    return new StackOptions(
        repositoryRoot,
        workDirectory,
        ports,
        demo,
        exitAfterDemo,
        incidentCsv,
        partnersFile,
        users);
  }

  public Path logs() {
    return workDirectory.resolve("logs");
  }

  public Path tokens() {
    return workDirectory.resolve("tokens");
  }
}
