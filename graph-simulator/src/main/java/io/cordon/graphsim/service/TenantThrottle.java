package io.cordon.graphsim.service;

import io.cordon.graphsim.model.GraphRequest;
import io.cordon.graphsim.model.GraphResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Entra's documented limits for one app in one tenant (Graph "Identity and access service limits"):
 * resource units per 10 s by tenant size, 3,000 writes per 150 s, Identity Protection 1 request per
 * second (429 without Retry-After), and Outlook's 10,000 requests per 10 minutes per mailbox for
 * inbox rules. Costs: see {@link RequestCosts}. Throttled requests cost nothing. One per tenant:
 * Entra's limits are per app per tenant.
 */
public final class TenantThrottle {
  private static final long SECOND = 1_000_000_000L;

  private final ThrottleSettings settings;
  private final String clientId;
  private final String tenantId;
  private SlidingWindow resourceUnits;
  private SlidingWindow writes;
  private SlidingWindow identityProtection;
  private Map<String, SlidingWindow> mailboxes;

  /** Either a rejection (429) or the headers to add to the answer. */
  public record Verdict(GraphResponse rejection, Map<String, String> headers) {}

  /** Starts with empty windows. */
  public TenantThrottle(ThrottleSettings settings, String clientId, String tenantId) {
    this.settings = settings;
    this.clientId = clientId;
    this.tenantId = tenantId;
    reset();
  }

  public synchronized ThrottleSettings settings() {
    return settings;
  }

  public synchronized void reset() {
    double ws = settings.windowScale();
    resourceUnits = new SlidingWindow((long) (10 * SECOND * ws));
    writes = new SlidingWindow((long) (150 * SECOND * ws));
    identityProtection = new SlidingWindow((long) (SECOND * ws));
    mailboxes = new HashMap<>();
  }

  public int resourceUnitLimit() {
    return scaled(settings.baseResourceUnitsPer10s());
  }

  public int writeLimit() {
    return scaled(settings.writesPer150s());
  }

  public int identityProtectionLimit() {
    return scaled(settings.identityProtectionPerSecond());
  }

  private int scaled(int base) {
    return (int) Math.max(1, Math.round(base * settings.scale()));
  }

  public synchronized Verdict admit(GraphRequest request, long now) {
    Map<String, String> headers = new LinkedHashMap<>();
    String path = request.path();
    if (path.startsWith("identityProtection/")) {
      return admitIdentityProtection(now, headers);
    }
    String mailbox = RequestCosts.mailbox(path);
    if (mailbox != null) {
      return admitMailbox(mailbox, now, headers);
    }
    int cost = RequestCosts.resourceUnits(request);
    boolean write = request.write();
    headers.put("x-ms-resource-unit", String.valueOf(cost));
    if (!settings.enabled()) {
      return new Verdict(null, headers);
    }
    int ruLimit = resourceUnitLimit();
    long ruUsed = resourceUnits.used(now);
    if (ruUsed + cost > ruLimit) {
      long wait = resourceUnits.nanosUntilFreed(now, ruUsed + cost - ruLimit);
      return throttled(
          headers,
          wait,
          "ReadWrite",
          "ResourceUnitLimitExceeded",
          (double) (ruUsed + cost) / ruLimit);
    }
    if (write) {
      int writeLimit = writeLimit();
      long writesUsed = writes.used(now);
      if (writesUsed + 1 > writeLimit) {
        long wait = writes.nanosUntilFreed(now, writesUsed + 1 - writeLimit);
        return throttled(
            headers, wait, "Write", "WriteLimitExceeded", (double) (writesUsed + 1) / writeLimit);
      }
      writes.add(now, 1);
    }
    resourceUnits.add(now, cost);
    double percentage = (double) (ruUsed + cost) / ruLimit;
    if (write) {
      percentage = Math.max(percentage, (double) writes.used(now) / writeLimit());
    }
    if (percentage > 0.8) {
      headers.put("x-ms-throttle-limit-percentage", format(percentage));
    }
    return new Verdict(null, headers);
  }

  private Verdict admitIdentityProtection(long now, Map<String, String> headers) {
    if (!settings.enabled()) {
      return new Verdict(null, headers);
    }
    if (identityProtection.used(now) + 1 > identityProtectionLimit()) {
      // Identity Protection documents no Retry-After on its 429s
      GraphResponse rejection = tooManyRequests("Too many requests. Please retry later.");
      rejection.headers().put("x-ms-throttle-scope", scope("Tenant", "ReadWrite"));
      rejection.headers().put("x-ms-throttle-information", "IdentityProtectionLimitExceeded");
      return new Verdict(rejection, headers);
    }
    identityProtection.add(now, 1);
    return new Verdict(null, headers);
  }

  private Verdict admitMailbox(String mailbox, long now, Map<String, String> headers) {
    if (!settings.enabled()) {
      return new Verdict(null, headers);
    }
    SlidingWindow window =
        mailboxes.computeIfAbsent(
            mailbox, k -> new SlidingWindow((long) (600 * SECOND * settings.windowScale())));
    int limit = scaled(settings.mailboxRequestsPer10Minutes());
    long used = window.used(now);
    if (used + 1 > limit) {
      long wait = window.nanosUntilFreed(now, used + 1 - limit);
      GraphResponse rejection =
          tooManyRequests("Application is over its MailboxConcurrency limit.")
              .withHeader("Retry-After", String.valueOf(seconds(wait)))
              .withHeader("x-ms-throttle-information", "MailboxLimitExceeded");
      return new Verdict(rejection, headers);
    }
    window.add(now, 1);
    return new Verdict(null, headers);
  }

  private Verdict throttled(
      Map<String, String> headers, long waitNanos, String limit, String information, double usage) {
    GraphResponse rejection =
        tooManyRequests(
            "Too many requests. Please retry after " + seconds(waitNanos) + " seconds.");
    rejection.headers().putAll(headers);
    rejection.headers().put("Retry-After", String.valueOf(seconds(waitNanos)));
    rejection.headers().put("x-ms-throttle-scope", scope("Tenant_Application", limit));
    rejection.headers().put("x-ms-throttle-information", information);
    rejection.headers().put("x-ms-throttle-limit-percentage", format(usage));
    return new Verdict(rejection, headers);
  }

  private static GraphResponse tooManyRequests(String message) {
    return GraphErrors.error(429, "TooManyRequests", message);
  }

  private String scope(String scope, String limit) {
    return scope + "/" + limit + "/" + clientId + "/" + tenantId;
  }

  private static long seconds(long nanos) {
    return Math.max(1, (nanos + SECOND - 1) / SECOND);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.2f", Math.min(1.8, value));
  }

  /** Current use of each window, for /_sim/throttle. */
  public synchronized Map<String, Object> usage(long now) {
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put(
        "resourceUnits", Map.of("used", resourceUnits.used(now), "limit", resourceUnitLimit()));
    usage.put("writes", Map.of("used", writes.used(now), "limit", writeLimit()));
    usage.put(
        "identityProtection",
        Map.of("used", identityProtection.used(now), "limit", identityProtectionLimit()));
    usage.put("mailboxesTracked", mailboxes.size());
    return usage;
  }
}
