package io.cordon.local;

import io.cordon.local.demo.DemoOutcome;
import io.cordon.local.demo.DemoRunner;
import io.cordon.local.demo.WebhookReceiver;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/local/run.sh [--demo]}: the whole of Cordon on one machine with nothing installed
 * but a JDK 17. Runs until Ctrl-C, then stops every process it started.
 */
public final class LocalStack {
  private LocalStack() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    StackOptions options;
    try {
      options = StackOptions.parse(repositoryRoot(), args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    StalePids pids = new StalePids(options.workDirectory().resolve("pids"));
    pids.killLeftovers(out::println);
    Stack stack = new Stack(options, out::println);
    CountDownLatch stopped = new CountDownLatch(1);
    WebhookReceiver[] receiver = new WebhookReceiver[1];
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("Stopping the local stack ...");
                  if (receiver[0] != null) {
                    receiver[0].close();
                  }
                  stack.close();
                  pids.clear();
                  stopped.countDown();
                },
                "cordon-local-stop"));
    try {
      stack.start();
    } catch (IOException e) {
      System.err.println("The local stack did not start: " + e.getMessage());
      System.exit(1);
    }
    for (String name :
        new String[] {
          "graph-simulator", "account-service", "playbook-service", "notification-service"
        }) {
      pids.record(name, stack.process(name).pid());
    }
    printWelcome(stack, out);
    if (options.demo()) {
      receiver[0] =
          WebhookReceiver.start(
              options.ports().receiver(), stack.tls().keyStore(), LocalTls.PASSWORD);
      DemoRunner demo = new DemoRunner(stack, out, System.console() != null);
      DemoOutcome outcome = demo.run(options.incidentCsv(), options.partnersFile(), receiver[0]);
      demo.printSummary(outcome);
      if (options.exitAfterDemo()) {
        System.exit(0);
      }
      out.println("\nThe stack keeps running for a look at the dashboard; Ctrl-C stops it.");
    }
    stopped.await();
  }

  private static void printWelcome(Stack stack, PrintStream out) {
    out.println();
    out.println("Cordon is up.");
    out.println("  dashboard             " + stack.serviceUrl("playbook-service") + "/");
    out.println("  account-service       " + stack.serviceUrl("account-service") + "/q/swagger-ui");
    out.println(
        "  playbook-service      " + stack.serviceUrl("playbook-service") + "/q/swagger-ui");
    out.println(
        "  notification-service  " + stack.serviceUrl("notification-service") + "/q/swagger-ui");
    out.println("  graph-simulator       " + stack.simulatorUrl() + "/_sim/users");
    out.println("  dev tokens (12 h)     " + stack.options().tokens() + "/<role>.jwt");
    out.println("  logs                  " + stack.options().logs());
    out.println(
        "  try: curl -H \"Authorization: Bearer $(cat "
            + stack.options().tokens().resolve("viewer.jwt")
            + ")\" "
            + stack.serviceUrl("playbook-service")
            + "/api/v1/runs");
    out.println("Ctrl-C stops everything.");
    out.println();
  }

  // the repository is where run.sh was started, or found upwards from the working directory
  private static Path repositoryRoot() {
    String configured = System.getProperty("cordon.repository");
    Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("deploy/local")) && Files.exists(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new IllegalStateException("Run from inside the Cordon repository");
  }
}
