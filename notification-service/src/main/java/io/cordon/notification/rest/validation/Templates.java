package io.cordon.notification.rest.validation;

/** Makes a fixed reason safe as a Bean Validation message template. */
final class Templates {
  private Templates() {}

  static String literal(String reason) {
    return reason.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
  }
}
