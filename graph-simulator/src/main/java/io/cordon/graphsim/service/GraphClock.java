package io.cordon.graphsim.service;

import io.cordon.graphsim.config.SimConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The simulated Graph's clock. Graph keeps effect times such as signInSessionsValidFromDateTime and
 * lastPasswordChangeDateTime in whole seconds ({@code 2019-04-03T20:49:25Z} in the user resource's
 * reference examples) and sends its time in every answer's {@code Date} header.
 */
@ApplicationScoped
public class GraphClock {
  @Inject SimConfig config;

  /** Now, in Graph's clock, to full precision (for the journal and call histories). */
  public Instant now() {
    return Instant.now().plus(config.clockOffset());
  }

  /** Now as Graph stamps an effect on a directory object: whole seconds. */
  public Instant effectStamp() {
    return now().truncatedTo(ChronoUnit.SECONDS);
  }

  /** The value of the {@code Date} header (RFC 9110 HTTP date, whole seconds, GMT). */
  public String httpDate() {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(now().atOffset(ZoneOffset.UTC));
  }
}
