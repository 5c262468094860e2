package io.cordon.system;

import java.io.IOException;

/**
 * One local stack with the demo tenant for the demo's test classes in this JVM ({@link
 * DemoStackIT}): started on first use, stopped when the test JVM exits. A class run on its own
 * ({@code -Dit.test=DemoPlanIT}) gets a JVM and so a stack of its own.
 */
final class DemoStack {
  private static RunningStack running;
  private static Exception startFailure;

  private DemoStack() {}

  static synchronized RunningStack get() throws IOException, InterruptedException {
    if (startFailure != null) {
      // one failed start is enough: the next class would only wait as long again
      throw new IllegalStateException("the demo stack did not start", startFailure);
    }
    if (running == null) {
      try {
        running = RunningStack.start("demo");
      } catch (IOException | RuntimeException e) {
        startFailure = e;
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(running::close));
    }
    return running;
  }
}
