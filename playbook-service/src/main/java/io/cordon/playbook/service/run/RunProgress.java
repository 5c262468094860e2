package io.cordon.playbook.service.run;

import io.cordon.playbook.config.EngineConfig;
import io.cordon.playbook.mapping.RunView;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows a run for Server-Sent Events. It reads the run from the database on a timer rather than
 * listening to this instance's own changes: the work of a run is spread over every instance, and
 * the database is where all of it shows.
 */
@ApplicationScoped
public class RunProgress {
  @Inject RunQueries queries;
  @Inject EngineConfig config;

  /** The run now, then each time its state or counts change; completes after a final state. */
  public Multi<RunView> follow(String runId) {
    AtomicBoolean finalSent = new AtomicBoolean();
    AtomicReference<Object> lastSent = new AtomicReference<>();
    return Multi.createFrom()
        .ticks()
        .startingAfter(Duration.ofMillis(1))
        .every(config.eventsInterval())
        .onOverflow()
        .drop()
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .map(tick -> queries.get(runId))
        // one tick after the final state was sent, the stream ends
        .select()
        .first(view -> !finalSent.getAndSet(view.state().isFinal()))
        .select()
        .where(view -> !Objects.equals(lastSent.getAndSet(progressKey(view)), progressKey(view)));
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
}
