package io.cordon.contracts.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Event ids: random for one-off events, derived when a retry must publish the very same id. */
public final class EventIds {

  private EventIds() {}

  public static String random() {
    return UUID.randomUUID().toString();
  }

  /** The same parts always give the same id, so a re-published event is deduplicated. */
  public static String derived(String... parts) {
    // a separator that cannot occur in ids keeps ("a","bc") and ("ab","c") apart
    String joined = String.join("\u0000", parts);
    return UUID.nameUUIDFromBytes(joined.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
