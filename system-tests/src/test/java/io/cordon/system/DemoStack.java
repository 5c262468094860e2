package io.cordon.system;

import java.io.IOException;

/**
 * One local stack with the demo tenant for the demo's test classes in this JVM ({@link
 * DemoStackIT}).
 */
final class DemoStack {
  private static final StackPerJvm STACK =
      new StackPerJvm("demo", () -> RunningStack.start("demo"));

  private DemoStack() {}

  static RunningStack get() throws IOException, InterruptedException {
    return STACK.get();
  }
}
