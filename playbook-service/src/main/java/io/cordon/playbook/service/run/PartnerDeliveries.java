package io.cordon.playbook.service.run;

import io.cordon.commons.paging.Page;
import io.cordon.commons.paging.PageRequest;
import io.cordon.commons.problem.ProblemException;
import io.cordon.contracts.events.NotificationDelivered;
import io.cordon.contracts.events.NotificationFailed;
import io.cordon.contracts.events.NotificationResult;
import io.cordon.playbook.mapping.PartnerDeliveryView;
import io.cordon.playbook.repository.PartnerDeliveryEntity;
import io.cordon.playbook.repository.PartnerDeliveryStore;
import io.cordon.playbook.repository.RunStore;
import io.cordon.playbook.repository.StepExecutionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What partners actually got of a run's notices: notification-service reports each final delivery
 * outcome per partner and channel (cordon.notification-results); the run keeps the latest.
 */
@ApplicationScoped
public class PartnerDeliveries {
  public static final String DELIVERED = "DELIVERED";
  public static final String FAILED = "FAILED";
  private static final Logger LOG = Logger.getLogger(PartnerDeliveries.class);

  @Inject PartnerDeliveryStore store;
  @Inject RunStore runs;

  /** Records a result (first delivery of its event only; the caller checks that). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(NotificationResult result) {
    Optional<StepExecutionEntity> step =
        store.notifyStep(PartnerNotifier.notifyActionIdOf(result.notificationId()));
    if (step.isEmpty()) {
      // Not a notice this service asked for. The notify step's execution (and so its actionId,
      // the notificationId) is written when its run starts, before the request can even leave
      // through the outbox, so a result can never arrive ahead of it: an unknown id is a notice
      // someone else requested (another deployment sharing the topic, a test, a notice
      // notification-service raised on its own), which no run of ours could ever show. Keeping it
      // would only grow a table nobody reads.
      LOG.debugf(
          "Ignoring %s for notification %s: no notify step of this service has that id",
          result.getClass().getSimpleName(), result.notificationId());
      return;
    }
    StepExecutionEntity execution = step.get();
    boolean changed = store.record(execution.runId, execution.stepId, of(result), Instant.now());
    if (!changed) {
      LOG.debugf(
          "Kept the later delivery state of partner %s (%s) over %s",
          result.partnerId(), result.channel(), result.eventId());
    }
  }

  private static PartnerDeliveryStore.Result of(NotificationResult result) {
    if (result instanceof NotificationDelivered delivered) {
      return new PartnerDeliveryStore.Result(
          delivered.notificationId(),
          delivered.partnerId(),
          delivered.channel(),
          DELIVERED,
          delivered.attempts(),
          delivered.deliveredAt(),
          null,
          delivered.eventId());
    }
    NotificationFailed failed = (NotificationFailed) result;
    return new PartnerDeliveryStore.Result(
        failed.notificationId(),
        failed.partnerId(),
        failed.channel(),
        FAILED,
        failed.attempts(),
        failed.failedAt(),
        failed.reason(),
        failed.eventId());
  }

  /** A run's delivery results, paged in the order they first arrived. */
  @Transactional
  public Page<PartnerDeliveryView> of(String runId, PageRequest page) {
    if (runs.find(runId).isEmpty()) {
      throw ProblemException.notFound("Run " + runId);
    }
    List<PartnerDeliveryEntity> rows = store.page(runId, afterId(page), page.limit() + 1);
    List<PartnerDeliveryEntity> pageRows = rows.stream().limit(page.limit()).toList();
    String next =
        rows.size() > page.limit()
            ? PageRequest.encode(Long.toString(pageRows.get(pageRows.size() - 1).id))
            : null;
    return new Page<>(pageRows.stream().map(PartnerDeliveryView::of).toList(), next);
  }

  private static long afterId(PageRequest page) {
    if (page.after() == null) {
      return 0;
    }
    try {
      return Long.parseLong(page.after());
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField("cursor", "not a cursor this API returned");
    }
  }
}
