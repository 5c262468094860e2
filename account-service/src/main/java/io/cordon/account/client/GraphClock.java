package io.cordon.account.client;

import io.cordon.account.config.GraphConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Graph's clock as seen from this service: every Graph answer's {@code Date} header (whole seconds,
 * RFC 9110) bracketed by the local times the request left and the answer came back gives the
 * interval in which the offset of Graph's clock from the local one lies.
 */
@ApplicationScoped
public class GraphClock {
  @Inject GraphConfig config;

  private final AtomicReference<ClockOffset> measured = new AtomicReference<>();

  /** The latest measured offset, else the configured tolerance either way. */
  public ClockOffset offset() {
    ClockOffset offset = measured.get();
    if (offset != null) {
      return offset;
    }
    Duration tolerance = config.clockTolerance();
    return new ClockOffset(tolerance.negated(), tolerance);
  }

  /** The OkHttp interceptor that measures; placed last so that it brackets only the network. */
  public Interceptor interceptor() {
    return this::measure;
  }

  private Response measure(Interceptor.Chain chain) throws IOException {
    Instant sent = Instant.now();
    Response response = chain.proceed(chain.request());
    Instant received = Instant.now();
    Instant graphTime = parse(response.header("Date"));
    if (graphTime != null) {
      measured.set(ClockOffset.measured(graphTime, sent, received));
    }
    return response;
  }

  private static Instant parse(String date) {
    if (date == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
