package io.cordon.playbook.service.run;

import io.cordon.playbook.config.EngineConfig;
import io.cordon.playbook.mapping.RunView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows runs for Server-Sent Events. It reads the runs from the database on a timer rather than
 * listening to this instance's own changes: the work of a run is spread over every instance, and
 * the database is where all of it shows. One stream follows any number of runs, so a page needs one
 * connection however many runs it shows (browsers give a host six over HTTP/1.1).
 */
@ApplicationScoped
public class RunProgress {
  @Inject RunQueries queries;
  @Inject EngineConfig config;
  @Inject MeterRegistry meters;

  private final AtomicInteger openStreams = new AtomicInteger();

  @PostConstruct
  void gauge() {
    Gauge.builder("cordon.runs.event-streams", openStreams, AtomicInteger::get)
        .description("Run event streams open on this instance")
        .register(meters);
  }

  /** Run event streams open on this instance now (a client that left closes its stream). */
  public int openStreams() {
    return openStreams.get();
  }

  /**
   * The runs now, then each run each time its state or counts change; a run is read no more after
   * its final state, and the stream completes one tick after the last run's final state was sent.
   * An update without changes is sent when the stream was silent for {@code events-keep-alive}.
   */
  public Multi<Update> watch(Collection<String> runIds) {
    Set<String> watching = new LinkedHashSet<>(runIds);
    Map<String, Object> lastSent = new HashMap<>();
    AtomicBoolean allFinalSent = new AtomicBoolean();
    AtomicLong lastEmission = new AtomicLong(System.nanoTime());
    long keepAliveNanos = config.eventsKeepAlive().toNanos();
    return Multi.createFrom()
        .ticks()
        .startingAfter(Duration.ofMillis(1))
        .every(config.eventsInterval())
        .onOverflow()
        .drop()
        // reads the database: never on the event loop; ticks are serial, so the state is too
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .map(tick -> changes(watching, lastSent))
        .select()
        .first(update -> !allFinalSent.getAndSet(watching.isEmpty()))
        .select()
        .where(
            update -> {
              long now = System.nanoTime();
              if (update.changed().isEmpty() && now - lastEmission.get() < keepAliveNanos) {
                return false;
              }
              lastEmission.set(now);
              return true;
            })
        .onSubscription()
        .invoke(openStreams::incrementAndGet)
        .onTermination()
        .invoke(openStreams::decrementAndGet);
  }

  private Update changes(Set<String> watching, Map<String, Object> lastSent) {
    List<RunView> changed = new ArrayList<>();
    for (String runId : List.copyOf(watching)) {
      RunView view = queries.get(runId);
      Object key = progressKey(view);
      if (!Objects.equals(lastSent.put(runId, key), key)) {
        changed.add(view);
      }
      if (view.state().isFinal()) {
        watching.remove(runId);
      }
    }
    return new Update(List.copyOf(changed));
  }

  // durations grow by themselves; only a change of state or counts is progress
  private static Object progressKey(RunView view) {
    return List.of(
        view.state(),
        view.counts(),
        view.accounts(),
        view.chunks(),
        String.valueOf(view.stateReason()),
        // a pause or resume is news to whoever watches the run
        String.valueOf(view.paused()));
  }

  /** The runs that changed since the last update; none = a keep-alive. */
  public record Update(List<RunView> changed) {}
}
