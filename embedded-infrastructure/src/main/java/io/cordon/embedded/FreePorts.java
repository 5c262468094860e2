package io.cordon.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free ports for processes and brokers started by tests. A port is only free until someone binds
 * it: a stack picks several before starting anything, and a broker started afterwards could be
 * handed one of them by the operating system. Within one JVM a port is therefore never handed out
 * twice.
 */
public final class FreePorts {
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private FreePorts() {}

  public static synchronized int find() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = bindAndRelease();
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("No free port that was not handed out already");
  }

  private static int bindAndRelease() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }
}
