package io.cordon.system;

import java.io.IOException;

/**
 * A stack for the test classes of one JVM that share it (the JUnit suites of the system tests):
 * started on first use, stopped when the JVM exits. A class run on its own ({@code -Dit.test=X})
 * gets a JVM and so a stack of its own.
 */
final class StackPerJvm {
  /** Starts the stack and whatever the classes need on it; closes what it started if it fails. */
  interface Starter {
    RunningStack start() throws IOException, InterruptedException;
  }

  private final String name;
  private final Starter starter;
  private RunningStack running;
  private Exception startFailure;

  StackPerJvm(String name, Starter starter) {
    this.name = name;
    this.starter = starter;
  }

  synchronized RunningStack get() throws IOException, InterruptedException {
    if (startFailure != null) {
      // one failed start is enough: the next class would only wait as long again
      throw new IllegalStateException("the " + name + " stack did not start", startFailure);
    }
    if (running == null) {
      try {
        running = starter.start();
      } catch (IOException | RuntimeException e) {
        startFailure = e;
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(running::close));
    }
    return running;
  }
}
