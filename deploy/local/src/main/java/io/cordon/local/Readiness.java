package io.cordon.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Waits until every process answers its readiness URL with 200, reporting as each comes up. */
public final class Readiness {
  private final HttpClient http;

  public Readiness(HttpClient http) {
    this.http = http;
  }

  public record Target(ManagedProcess process, URI readyUrl) {}

  public void await(List<Target> targets, Duration timeout, Consumer<String> progress)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long startedAt = System.nanoTime();
    Map<String, Long> readyAfterMs = new ConcurrentHashMap<>();
    while (readyAfterMs.size() < targets.size()) {
      for (Target target : targets) {
        String name = target.process().name();
        if (readyAfterMs.containsKey(name)) {
          continue;
        }
        if (!target.process().isAlive()) {
          throw new IOException(
              name + " exited during start-up; see " + target.process().logFile());
        }
        if (isReady(target.readyUrl())) {
          long ms = (System.nanoTime() - startedAt) / 1_000_000;
          readyAfterMs.put(name, ms);
          progress.accept(String.format("  %-22s ready after %5.1f s", name, ms / 1000.0));
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "Not ready within " + timeout.toSeconds() + " s: " + notReady(targets, readyAfterMs));
      }
      Thread.sleep(500);
    }
  }

  private static List<String> notReady(List<Target> targets, Map<String, Long> ready) {
    return targets.stream()
        .map(t -> t.process().name())
        .filter(name -> !ready.containsKey(name))
        .toList();
  }

  private boolean isReady(URI url) throws InterruptedException {
    try {
      HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYetListening) {
      return false;
    }
  }
}
