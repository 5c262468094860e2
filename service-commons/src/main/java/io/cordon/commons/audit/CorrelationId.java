package io.cordon.commons.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of the current request: the caller's {@code X-Correlation-Id} when it is a
 * sane token, otherwise a fresh UUID. {@link CorrelationIdFilter} sets it and echoes it back.
 */
@RequestScoped
public class CorrelationId {
  public static final String HEADER = "X-Correlation-Id";

  /** The logging MDC key ({@code %X{correlationId}}) for a request's or an event's id. */
  public static final String MDC_KEY = "correlationId";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

  private String value;

  void accept(String header) {
    value =
        header != null && SANE.matcher(header).matches() ? header : UUID.randomUUID().toString();
  }

  /** The id, or null outside an HTTP request. */
  public String value() {
    return value;
  }
}
