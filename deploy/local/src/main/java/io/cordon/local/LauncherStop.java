package io.cordon.local;

import io.cordon.local.demo.WebhookReceiver;
import java.io.PrintStream;

/**
 * The launcher's one stop, run by whichever asks first: a signal, the end of {@code
 * --exit-after-demo}, a failed start, or the JVM's shutdown. It closes the demo's receiver and the
 * stack, then ends any process this JVM still has (a launch or a pg_ctl under way when the stop
 * came), and says how long it took.
 */
final class LauncherStop implements Runnable {
  private final Stack stack;
  private final PrintStream out;
  private WebhookReceiver receiver;
  private volatile boolean requested;
  private boolean done;

  LauncherStop(Stack stack, PrintStream out) {
    this.stack = stack;
    this.out = out;
  }

  synchronized void closesAlso(WebhookReceiver receiver) {
    this.receiver = receiver;
  }

  /** True from the moment a stop was asked for: failures from then on are the stop's doing. */
  boolean isRequested() {
    return requested;
  }

  /**
   * Stops, then ends the JVM at once with {@code status}. Not System.exit: that would run the
   * shutdown hooks of the embedded PostgreSQL and Kafka, which stop again (Kafka gracefully, a
   * second or more) what this stop has already stopped or given up on.
   */
  void exit(int status) {
    run();
    Runtime.getRuntime().halt(status);
  }

  @Override
  public void run() {
    requested = true;
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
      long startedAt = System.nanoTime();
      out.println("Stopping the local stack ...");
      if (receiver != null) {
        receiver.close();
      }
      stack.close();
      ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
      out.printf("Stopped in %.1f s.%n", (System.nanoTime() - startedAt) / 1e9);
    }
  }
}
