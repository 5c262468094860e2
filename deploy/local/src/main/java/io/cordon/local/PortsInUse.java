package io.cordon.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a start, naming the port, when something already answers on a port the stack is about to
 * listen on: otherwise the clash shows up minutes later as a service that "exited during start-up".
 * Runs after {@link Leftovers}, so whatever still answers is not this stack's.
 */
final class PortsInUse {
  private static final int PROBE_TIMEOUT_MS = 300;

  private PortsInUse() {}

  static void refuse(StackOptions.Ports ports) throws IOException {
    List<String> taken = new ArrayList<>();
    for (Map.Entry<String, Integer> port : listeners(ports).entrySet()) {
      if (answers(port.getValue())) {
        taken.add(port.getValue() + " (" + port.getKey() + ")");
      }
    }
    if (!taken.isEmpty()) {
      throw new IOException(
          "port(s) "
              + String.join(", ", taken)
              + " already in use by another program; stop it, or give the stack other ports"
              + " with --ports=<name>:<port>,...");
    }
  }

  // the demo receiver is left out: it listens only with --demo and says so itself when it cannot
  private static Map<String, Integer> listeners(StackOptions.Ports ports) {
    Map<String, Integer> listeners = new LinkedHashMap<>();
    listeners.put("account-service", ports.account());
    listeners.put("playbook-service", ports.playbook());
    listeners.put("notification-service", ports.notification());
    listeners.put("graph-simulator", ports.simulator());
    listeners.put("Kafka", ports.kafka());
    listeners.put("PostgreSQL", ports.postgres());
    return listeners;
  }

  private static boolean answers(int port) {
    if (port == 0) {
      return false;
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), PROBE_TIMEOUT_MS);
      return true;
    } catch (IOException nothingListens) {
      return false;
    }
  }
}
