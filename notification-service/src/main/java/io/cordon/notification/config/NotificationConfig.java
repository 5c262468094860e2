package io.cordon.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The {@code cordon.notification.*} settings (DESIGN §4, §7, §10). */
@ConfigMapping(prefix = "cordon.notification")
public interface NotificationConfig {

  /**
   * Allow partner webhooks whose host resolves to private, loopback, link-local or other non-public
   * addresses. Local stack and tests only.
   */
  @WithDefault("false")
  boolean allowPrivateTargets();

  /**
   * Base64 of the 32-byte AES-256 key that encrypts partner webhook secrets at rest. Required: the
   * service refuses to start without it (see {@link SecretEncryptionKey}).
   */
  Optional<String> secretEncryptionKey();

  /**
   * Keys that sealed secrets before the current {@link #secretEncryptionKey()} (base64, comma
   * separated): they open those secrets and never seal, and at start-up every secret still under
   * one of them is sealed again under the current key. Rotation without downtime: make the new key
   * current and list the old one here; once the log says nothing is left under it, drop it.
   */
  Optional<List<String>> previousSecretEncryptionKeys();

  Delivery delivery();

  Webhook webhook();

  /** How notices reach partners: schedule, timeouts and the poller that shares the work. */
  interface Delivery {
    /** One attempt (connect, send, answer) may take at most this long. */
    @WithDefault("15s")
    Duration timeout();

    /**
     * The delay before each attempt, counted from the previous one; its length is the number of
     * attempts. The first entry is normally 0s (send at once).
     */
    @WithDefault("0s,5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /**
     * Each delay is stretched or shrunk at random by up to this fraction, so that retries after a
     * partner outage do not all arrive in the same second.
     */
    @WithDefault("0.2")
    double jitter();

    /** A partner's Retry-After is honoured up to this long; longer asks are capped. */
    @WithDefault("10h")
    Duration maxRetryAfter();

    /** How often an instance looks for due deliveries. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries claimed per poll. */
    @WithDefault("20")
    int batchSize();

    /** Attempts in flight per instance. */
    @WithDefault("8")
    int concurrency();

    /**
     * A claimed delivery is hidden from other instances this long; if the claiming instance dies
     * mid-attempt, another one takes the delivery over afterwards. Must exceed {@link #timeout()}.
     */
    @WithDefault("2m")
    Duration claimLease();
  }

  /** The HTTP client for partner webhooks. */
  interface Webhook {
    /**
     * A PKCS12 trust store for partner endpoints signed by a private CA (local stack, tests);
     * absent: the JVM's default trust.
     */
    Optional<String> trustStore();

    Optional<String> trustStorePassword();

    /** Sent as User-Agent so partners can tell Cordon's notices in their logs. */
    @WithDefault("Cordon-Notices/1")
    String userAgent();
  }
}
