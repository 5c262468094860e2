package io.cordon.playbook.service.run;

import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.RunState;
import io.cordon.contracts.events.NoticesOpened;
import io.cordon.contracts.events.NotificationResult;
import io.cordon.playbook.config.EngineConfig;
import io.cordon.playbook.model.ExecutionState;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.repository.NotifyWaitStore;
import io.cordon.playbook.repository.PartnerDeliveryStore;
import io.cordon.playbook.repository.RunEntity;
import io.cordon.playbook.repository.RunStore;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * A notify step waits for what its notices came to: notification-service says once which partners
 * and channels it opened notices on ({@link NoticesOpened}), then reports each one's final result;
 * the step ends when every one has a result (FAILED naming the partners whose delivery gave up), at
 * once when none was opened, and at the latest when its {@code waitForDelivery} has passed (then
 * naming the partners still retrying; their delivery goes on). Only the step's own request is
 * waited for: the run's closing request ({@code <actionId>:closing}) is sent after the run ended.
 *
 * <p>Everything the wait needs is in the database (the step's IN_PROGRESS state and deadline,
 * {@code notify_wait}, {@code partner_delivery}), and it is decided afresh from there after every
 * change, so restarts, repeated events and results that come before NoticesOpened change nothing.
 */
@ApplicationScoped
public class DeliveryWait {
  private static final Logger LOG = Logger.getLogger(DeliveryWait.class);

  @Inject EngineConfig config;
  @Inject RunStore runs;
  @Inject RunContexts contexts;
  @Inject RunReviewer reviewer;
  @Inject RunSteps runSteps;
  @Inject AccountSteps accountSteps;
  @Inject NotifyWaitStore waits;
  @Inject PartnerDeliveryStore deliveries;
  @Inject EntityManager entityManager;

  /** How long the step waits for delivery results; zero when it does not wait. */
  Duration boundOf(Step step) {
    return step.waitForDelivery() == null
        ? config.defaultWaitForDelivery()
        : step.waitForDelivery().value();
  }

  /** The request is written: the step waits for its results until {@code bound} has passed. */
  void begin(RunContext context, StepExecutionEntity execution, int accounts, Duration bound) {
    execution.state = ExecutionState.IN_PROGRESS;
    execution.deadlineAt = context.now().plus(bound);
    execution.reasonCode = null;
    execution.reasonMessage =
        "notice requested for "
            + accounts
            + " accounts; waiting up to "
            + text(bound)
            + " for the partners' delivery results";
    execution.updatedAt = context.now();
  }

  /** notification-service told what a request opened (first delivery of the event only). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void opened(NoticesOpened opened) {
    Optional<StepExecutionEntity> step = deliveries.notifyStep(opened.notificationId());
    if (step.isEmpty()) {
      // the closing request, or a request no run of this service made
      LOG.debugf("No notify step waits for notification %s", opened.notificationId());
      return;
    }
    if (waits.open(step.get().runId, step.get().stepId, opened, RunContexts.now())) {
      settle(step.get());
    }
  }

  /** A result was recorded; it may be the last one the step waits for. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void resultRecorded(NotificationResult result) {
    // until NoticesOpened comes the step cannot know how many to wait for; the results recorded by
    // then are counted when it does
    if (!waits.opened(result.notificationId())) {
      return;
    }
    deliveries.notifyStep(result.notificationId()).ifPresent(this::settle);
  }

  /** The step's {@code waitForDelivery} has passed (the run is locked by the caller). */
  void boundReached(RunContext context, StepExecutionEntity execution) {
    decide(context, execution, true);
  }

  private void settle(StepExecutionEntity found) {
    Optional<RunEntity> locked = runs.lock(found.runId);
    if (locked.isEmpty()) {
      return;
    }
    // read before the run was locked: what it is now counts
    entityManager.refresh(found);
    RunContext context = contexts.open(locked.get());
    StepExecutionEntity execution = context.runStep(found.stepIndex);
    if (execution != null && execution.state == ExecutionState.IN_PROGRESS) {
      decide(context, execution, false);
      reviewer.review(context);
    }
    contexts.close(context);
  }

  private void decide(RunContext context, StepExecutionEntity execution, boolean boundReached) {
    String waited = text(boundOf(context.step(execution.stepIndex)));
    if (!waits.opened(execution.actionId)) {
      if (boundReached) {
        end(
            context,
            execution,
            ExecutionState.FAILED,
            ReasonCode.TIMED_OUT,
            "notification-service did not tell within " + waited + " which partners it notified");
      }
      return;
    }
    List<NotifyWaitStore.Notice> notices = waits.notices(execution.actionId);
    Map<String, List<NotifyWaitStore.Notice>> byPartner = byPartner(notices);
    List<String> delivered = partners(byPartner, ByPartner.DELIVERED);
    List<String> failed = partners(byPartner, ByPartner.FAILED);
    List<String> retrying = partners(byPartner, ByPartner.RETRYING);
    if (notices.isEmpty()) {
      end(
          context,
          execution,
          ExecutionState.SUCCEEDED,
          ReasonCode.OK,
          "no notice to wait for: no partner is affected or has news since its last notice");
    } else if (retrying.isEmpty() && failed.isEmpty()) {
      end(
          context,
          execution,
          ExecutionState.SUCCEEDED,
          ReasonCode.OK,
          "delivered to " + delivered.size() + " partner(s): " + String.join(", ", delivered));
    } else if (retrying.isEmpty()) {
      end(
          context,
          execution,
          ExecutionState.FAILED,
          ReasonCode.DELIVERY_FAILED,
          "delivery failed for "
              + String.join("; ", failed)
              + (delivered.isEmpty() ? "" : "; delivered to " + String.join(", ", delivered)));
    } else if (boundReached) {
      end(
          context,
          execution,
          ExecutionState.FAILED,
          ReasonCode.TIMED_OUT,
          "no final delivery result within "
              + waited
              + " for "
              + String.join(", ", retrying)
              + " (still retrying, delivery goes on)"
              + (failed.isEmpty() ? "" : "; delivery failed for " + String.join("; ", failed))
              + (delivered.isEmpty() ? "" : "; delivered to " + String.join(", ", delivered)));
    } else {
      long settled = notices.stream().filter(NotifyWaitStore.Notice::settled).count();
      execution.reasonMessage =
          AccountSteps.truncate(
              "waiting for delivery: "
                  + settled
                  + " of "
                  + notices.size()
                  + " notices settled; waiting for "
                  + String.join(", ", retrying));
      execution.updatedAt = context.now();
    }
  }

  private void end(
      RunContext context,
      StepExecutionEntity execution,
      ExecutionState state,
      ReasonCode reason,
      String message) {
    LOG.infof(
        "Run %s, step %s: %s after waiting for delivery (%s)",
        context.run().id, execution.stepId, state, message);
    if (context.run().state == RunState.CANCELLED) {
      // a cancelled run moves no step on; it only hears what became of the ones in flight
      accountSteps.finish(context, execution, state, reason, message);
    } else {
      runSteps.ended(context, execution, state, reason, message);
    }
  }

  private enum ByPartner {
    DELIVERED,
    FAILED,
    RETRYING
  }

  private static Map<String, List<NotifyWaitStore.Notice>> byPartner(
      List<NotifyWaitStore.Notice> notices) {
    return notices.stream()
        .collect(
            Collectors.groupingBy(
                NotifyWaitStore.Notice::partnerId, LinkedHashMap::new, Collectors.toList()));
  }

  // a partner is retrying while any of its channels is, failed when any gave up, else delivered
  private static List<String> partners(
      Map<String, List<NotifyWaitStore.Notice>> byPartner, ByPartner wanted) {
    return byPartner.values().stream()
        .filter(channels -> classify(channels) == wanted)
        .map(channels -> describe(channels, wanted))
        .toList();
  }

  private static ByPartner classify(List<NotifyWaitStore.Notice> channels) {
    if (channels.stream().anyMatch(notice -> !notice.settled())) {
      return ByPartner.RETRYING;
    }
    return channels.stream().anyMatch(notice -> PartnerDeliveries.FAILED.equals(notice.state()))
        ? ByPartner.FAILED
        : ByPartner.DELIVERED;
  }

  private static String describe(List<NotifyWaitStore.Notice> channels, ByPartner kind) {
    NotifyWaitStore.Notice first = channels.get(0);
    String name = first.partnerName() + " (" + first.partnerId() + ")";
    return switch (kind) {
      case DELIVERED -> name;
      case RETRYING ->
          name
              + " ["
              + channels.stream()
                  .filter(notice -> !notice.settled())
                  .map(NotifyWaitStore.Notice::channel)
                  .collect(Collectors.joining(", "))
              + "]";
      case FAILED ->
          name
              + " ["
              + channels.stream()
                  .filter(notice -> PartnerDeliveries.FAILED.equals(notice.state()))
                  .map(notice -> notice.channel() + ": " + notice.reason())
                  .collect(Collectors.joining(", "))
              + "]";
    };
  }

  private static String text(Duration duration) {
    return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
