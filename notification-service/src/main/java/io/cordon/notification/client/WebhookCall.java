package io.cordon.notification.client;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One signed POST to a partner endpoint.
 *
 * @param addresses where to connect, in order of preference: resolved and vetted by the caller, so
 *     the client never resolves the host again
 */
public record WebhookCall(
    URI url, List<InetAddress> addresses, Map<String, String> headers, String body) {

  public WebhookCall {
    addresses = List.copyOf(addresses);
    headers = Map.copyOf(headers);
  }

  /** Headers carry the signature; a log line or exception must never print them. */
  @Override
  public String toString() {
    return "WebhookCall[url=" + url + ", addresses=" + addresses + "]";
  }
}
