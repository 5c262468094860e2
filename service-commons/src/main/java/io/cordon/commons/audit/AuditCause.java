package io.cordon.commons.audit;

import java.util.function.Supplier;
import org.jboss.logging.MDC;

/**
 * The event whose handling is under way on this thread: its id becomes the correlation id of what
 * the handler audits. {@code ProcessedEvents.handleOnce} sets it for every consumer.
 */
public final class AuditCause {
  private static final ThreadLocal<String> EVENT_ID = new ThreadLocal<>();

  private AuditCause() {}

  public static <T> T during(String eventId, Supplier<T> work) {
    String outer = EVENT_ID.get();
    Object outerLogId = MDC.get(CorrelationId.MDC_KEY);
    EVENT_ID.set(eventId);
    // the handler's log lines carry the event id, as its audit entries do
    MDC.put(CorrelationId.MDC_KEY, eventId);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        EVENT_ID.remove();
      } else {
        EVENT_ID.set(outer);
      }
      if (outerLogId == null) {
        MDC.remove(CorrelationId.MDC_KEY);
      } else {
        MDC.put(CorrelationId.MDC_KEY, outerLogId);
      }
    }
  }

  public static void during(String eventId, Runnable work) {
    during(
        eventId,
        () -> {
          work.run();
          return null;
        });
  }

  static String current() {
    return EVENT_ID.get();
  }
}
