package io.cordon.notification.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The shape a partner webhook URL must have, before anyone looks at where it points. */
public final class WebhookUrls {
  public static final int MAX_LENGTH = 2048;

  private WebhookUrls() {}

  /** Why {@code url} cannot be a webhook target, or empty if its shape is fine. */
  public static Optional<String> problem(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("must be an https URL");
    }
    if (url.length() > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL");
    }
    if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")) {
      return Optional.of("must be an https URL");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return Optional.of("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry credentials; the webhook secret authenticates notices");
    }
    return Optional.empty();
  }

  /** The host of a URL that passed {@link #problem(String)}, without IPv6 brackets. */
  public static String host(String url) {
    String host = URI.create(url.strip()).getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      return host.substring(1, host.length() - 1);
    }
    return host;
  }

  /**
   * {@code url} as readers other than admins see it: scheme, host, port and path; credentials and
   * fragment dropped, a query (which may carry a token) replaced by {@code ?…}.
   */
  public static String redacted(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return "[redacted]";
    }
    if (uri.getScheme() == null || uri.getRawAuthority() == null) {
      return "[redacted]";
    }
    String authority =
        uri.getHost() == null
            ? "[redacted]"
            : uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?\u2026";
    return uri.getScheme() + "://" + authority + path + query;
  }
}
