package io.cordon.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

  /** {@code --demo}, {@code --exit-after-demo}, {@code --incident=<csv>}. */
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
      } else {
        unknown.add(arg);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "Unknown option(s) "
              + unknown
              + "; known: --demo, --exit-after-demo, --incident=<csv with an 'account' column>");
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
