package io.cordon.notification.rest.validation;

import io.cordon.notification.service.WebhookSecretFormat;
import io.cordon.notification.service.WebhookUrls;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Rules for single text inputs; each reason is fixed text and never echoes the input. */
public enum InputRule {
  EMAIL(matching(Patterns.EMAIL, 254, "must be an e-mail address")),
  DOMAIN(matching(Patterns.DOMAIN, 253, "must be a domain name such as jaxa.jp")),
  GROUP(
      matching(
          Patterns.GUID,
          36,
          "must be an Entra group object id (a GUID); names are refused because a group can be"
              + " renamed, or another given its name: look the id up in Entra, and send"
              + " {\"id\": ..., \"displayName\": ...} to keep the name for display")),
  TENANT(matching(Patterns.GUID, 36, "must be an Entra tenant's directory id (a GUID)")),
  GROUP_NAME(printable(256, "displayName must be 1-256 printable characters")),
  TAG(printable(100, "must be a tag of 1-100 printable characters")),
  HTTPS_URL(WebhookUrls::problem),
  WEBHOOK_SECRET(WebhookSecretFormat::problem);

  private final Function<String, Optional<String>> check;

  InputRule(Function<String, Optional<String>> check) {
    this.check = check;
  }

  /** Why {@code value} breaks the rule, or empty. */
  public Optional<String> problem(String value) {
    return check.apply(value);
  }

  private static Function<String, Optional<String>> matching(
      Pattern pattern, int maxLength, String reason) {
    return value ->
        value != null
                && value.strip().length() <= maxLength
                && pattern.matcher(value.strip()).matches()
            ? Optional.empty()
            : Optional.of(reason);
  }

  private static Function<String, Optional<String>> printable(int maxLength, String reason) {
    return value ->
        value != null
                && !value.isBlank()
                && value.strip().length() <= maxLength
                && value.codePoints().allMatch(InputRule::visible)
            ? Optional.empty()
            : Optional.of(reason);
  }

  /**
   * Not a control character, and not one that is invisible or reorders text (bidi overrides,
   * zero-width joiners and spaces, byte-order marks: Unicode's "format" category), nor a lone
   * surrogate or an unassigned code point: a tag shown to a responder must read as what it is.
   */
  private static boolean visible(int codePoint) {
    int type = Character.getType(codePoint);
    return !Character.isISOControl(codePoint)
        && type != Character.FORMAT
        && type != Character.SURROGATE
        && type != Character.UNASSIGNED
        && type != Character.PRIVATE_USE;
  }

  private static final class Patterns {
    static final Pattern GUID =
        Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    static final Pattern DOMAIN =
        Pattern.compile("(?:" + LABEL + "\\.)+[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]\\.?");
    static final Pattern EMAIL =
        Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:"
                + LABEL
                + "\\.)+[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]");
  }
}
