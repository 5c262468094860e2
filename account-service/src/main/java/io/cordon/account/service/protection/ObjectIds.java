package io.cordon.account.service.protection;

import io.cordon.commons.problem.ProblemException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Entra object ids as the protection list keeps and compares them: GUIDs in lower case. */
public final class ObjectIds {
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private ObjectIds() {}

  /** The id in lower case; a 400 naming {@code field} when it is not a GUID. */
  public static String parse(String field, String value) {
    if (value == null || !GUID.matcher(value.strip()).matches()) {
      throw ProblemException.invalidField(field, "must be an Entra object id (a GUID)");
    }
    return normal(value);
  }

  static boolean isObjectId(String value) {
    return value != null && GUID.matcher(value.strip()).matches();
  }

  /** Object ids reach Cordon in whatever case a caller wrote them; Entra treats them alike. */
  static String normal(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
