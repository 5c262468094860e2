package io.cordon.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * W3C traceparent values for tracing tests: made up for a sent record, read from a received one.
 */
public final class Traceparents {
  public static final String HEADER = "traceparent";

  private Traceparents() {}

  /** A sampled traceparent of a new random trace, as an upstream service would send it. */
  public static String random() {
    return "00-" + hex(16) + "-" + hex(8) + "-01";
  }

  /** The trace id (32 hex digits) of a traceparent. */
  public static String traceId(String traceparent) {
    return traceparent.split("-")[1];
  }

  /** The trace id of a record's traceparent header, or null when it has none. */
  public static String traceIdOf(ConsumerRecord<?, ?> record) {
    Header header = record.headers().lastHeader(HEADER);
    return header == null ? null : traceId(new String(header.value(), StandardCharsets.UTF_8));
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    random[0] |= 1; // never all zeros, which W3C calls invalid
    return HexFormat.of().formatHex(random);
  }
}
