package io.cordon.account.service.intake;

import io.cordon.contracts.IndicatorType;
import io.cordon.contracts.events.Indicator;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides what an indicator value a person typed names, from its text alone: nothing is looked up
 * (no DNS, no {@code InetAddress} on arbitrary text), so classifying costs no network and leaks
 * nothing. The first rule that holds wins:
 *
 * <ol>
 *   <li>{@link IndicatorType#IPV4}: a dotted quad of decimals 0-255 without leading zeros ({@code
 *       010.1.1.1} could be read as octal, {@code 999.1.1.1} and {@code 1.2.3} are no address);
 *   <li>{@link IndicatorType#IPV6}: an RFC 4291 text address (hex groups, at most one {@code ::},
 *       optionally ending in a dotted quad), so {@code ::1} is one; a zone ({@code fe80::1%eth0})
 *       only means something on the host that wrote it, so such a value is TEXT;
 *   <li>{@link IndicatorType#SHA256}: exactly 64 hex digits, either case (63 or 65 are TEXT);
 *   <li>{@link IndicatorType#URL}: an {@code http} or {@code https} URI with a host ({@code
 *       http://} alone is TEXT);
 *   <li>{@link IndicatorType#DOMAIN}: at least two LDH labels (letters, digits, inner hyphens, 1-63
 *       characters each, 253 in all) whose last is not all digits; an internationalised name is
 *       checked in its ASCII (punycode) form and kept as given;
 *   <li>{@link IndicatorType#TEXT} otherwise.
 * </ol>
 */
public final class IndicatorClassifier {
  private static final Pattern IPV4 =
      Pattern.compile(
          "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
  private static final Pattern SHA256 = Pattern.compile("[0-9A-Fa-f]{64}");
  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");

  private IndicatorClassifier() {}

  /** The type of a trimmed value (see the class comment). */
  public static IndicatorType classify(String value) {
    if (isIpv4(value)) {
      return IndicatorType.IPV4;
    }
    if (isIpv6(value)) {
      return IndicatorType.IPV6;
    }
    if (SHA256.matcher(value).matches()) {
      return IndicatorType.SHA256;
    }
    if (isUrl(value)) {
      return IndicatorType.URL;
    }
    if (isDomain(value)) {
      return IndicatorType.DOMAIN;
    }
    return IndicatorType.TEXT;
  }

  /**
   * Why a value cannot be kept as an indicator (blank, longer than {@link
   * Indicator#MAX_VALUE_LENGTH}, or holding a control character such as CR, LF or TAB), or null
   * when it can. The value is not echoed: the caller names where it came from.
   */
  public static String refusal(String value) {
    if (value == null || value.isBlank()) {
      return "must not be blank";
    }
    if (value.length() > Indicator.MAX_VALUE_LENGTH) {
      return "must be at most " + Indicator.MAX_VALUE_LENGTH + " characters";
    }
    if (CONTROL.matcher(value).find()) {
      return "must not contain control characters (line breaks, tabs)";
    }
    return null;
  }

  /** Whether a trimmed value can be of the given type: the checked types must classify as such. */
  public static boolean fits(IndicatorType type, String value) {
    return switch (type) {
      case IPV4 -> isIpv4(value);
      case IPV6 -> isIpv6(value);
      case SHA256 -> SHA256.matcher(value).matches();
      case URL -> isUrl(value);
      case DOMAIN -> isDomain(value);
      case USER_AGENT, LOCATION, RISK_EVENT_TYPE, TEXT -> true;
    };
  }

  static boolean isIpv4(String value) {
    return IPV4.matcher(value).matches();
  }

  static boolean isIpv6(String value) {
    if (value.length() > 45 || value.indexOf(':') < 0) {
      return false;
    }
    String text = value;
    int needed = 8;
    int lastColon = value.lastIndexOf(':');
    String tail = value.substring(lastColon + 1);
    if (tail.indexOf('.') >= 0) {
      // an embedded IPv4 address (::ffff:192.0.2.1) takes the place of the last two groups
      if (!isIpv4(tail)) {
        return false;
      }
      needed = 6;
      String prefix = value.substring(0, lastColon + 1);
      text = prefix.endsWith("::") ? prefix : prefix.substring(0, prefix.length() - 1);
    }
    int gap = text.indexOf("::");
    if (gap < 0) {
      return groups(text, false, needed, "");
    }
    if (text.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    return groups(text.substring(0, gap), true, needed, text.substring(gap + 2));
  }

  /**
   * Whether {@code head} (and, after a {@code ::}, {@code after}) are colon-separated hex groups
   * that make {@code needed} groups: exactly, or fewer than that when {@code gap} stands for the
   * rest.
   */
  private static boolean groups(String head, boolean gap, int needed, String after) {
    int count = 0;
    for (String part : new String[] {head, after}) {
      if (part.isEmpty()) {
        continue;
      }
      for (String group : part.split(":", -1)) {
        if (!HEX_GROUP.matcher(group).matches()) {
          return false;
        }
        count++;
      }
    }
    return gap ? count < needed : count == needed;
  }

  static boolean isUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      return scheme != null
          && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null
          && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  static boolean isDomain(String value) {
    String ascii;
    try {
      // IDN only rewrites the text (punycode); it does not resolve anything
      ascii = IDN.toASCII(value.endsWith(".") ? value.substring(0, value.length() - 1) : value);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (ascii.isEmpty() || ascii.length() > 253) {
      return false;
    }
    String[] labels = ascii.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return !DIGITS.matcher(labels[labels.length - 1].toLowerCase(Locale.ROOT)).matches();
  }
}
