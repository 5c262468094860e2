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
 * but a JDK 17. Runs until Ctrl-C, then stops every process it started, in order and in under 10 s
 * ({@link StopSignals}, {@link StackStop}); a start first ends what a killed launcher left behind.
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
    Stack stack = new Stack(options, out::println);
    LauncherStop stop = new LauncherStop(stack, out);
    StopSignals.install(stop);
    // a System.exit from anywhere else (a library) still stops the services
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "cordon-local-stop"));
    try {
      stack.start();
    } catch (IOException | RuntimeException e) {
      ifStoppingAwaitTheStop(stop);
      System.err.println("The local stack did not start: " + e.getMessage());
      stop.exit(1);
    }
    printWelcome(stack, out);
    if (options.demo()) {
      runDemo(stack, options, stop, out);
    }
    awaitStop();
  }

  private static void runDemo(Stack stack, StackOptions options, LauncherStop stop, PrintStream out)
      throws InterruptedException {
    try {
      WebhookReceiver receiver =
          WebhookReceiver.start(
              options.ports().receiver(), stack.tls().keyStore(), LocalTls.PASSWORD);
      stop.closesAlso(receiver);
      DemoRunner demo = new DemoRunner(stack, out, System.console() != null);
      DemoOutcome outcome = demo.run(options.incidentCsv(), options.partnersFile(), receiver);
      demo.printSummary(outcome);
    } catch (IOException | RuntimeException e) {
      ifStoppingAwaitTheStop(stop);
      System.err.println("The demo did not finish: " + e.getMessage());
      if (options.exitAfterDemo()) {
        stop.exit(1);
      }
    }
    if (options.exitAfterDemo()) {
      stop.exit(0);
    }
    out.println("\nThe stack keeps running for a look at the dashboard; Ctrl-C stops it.");
  }

  // a failure caused by the stop itself (services going away mid-request) is not news: say
  // nothing and let the stopping thread finish and end the JVM
  private static void ifStoppingAwaitTheStop(LauncherStop stop) throws InterruptedException {
    if (stop.isRequested()) {
      awaitStop();
    }
  }

  private static void awaitStop() throws InterruptedException {
    new CountDownLatch(1).await();
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
