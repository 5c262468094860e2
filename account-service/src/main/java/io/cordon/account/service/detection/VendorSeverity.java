package io.cordon.account.service.detection;

import io.cordon.contracts.Severity;
import java.util.Locale;

/**
 * Maps the severities Microsoft products state to Cordon's: informational and low are LOW, medium
 * MEDIUM, high HIGH (Microsoft has no critical; a "critical" is kept). Unknown, hidden, absent or
 * unrecognised values give null, and the report then takes {@link Detection#DEFAULT_SEVERITY}.
 */
final class VendorSeverity {
  private VendorSeverity() {}

  static Severity of(String vendorSeverity) {
    if (vendorSeverity == null) {
      return null;
    }
    return switch (vendorSeverity.strip().toLowerCase(Locale.ROOT)) {
      case "informational", "low" -> Severity.LOW;
      case "medium" -> Severity.MEDIUM;
      case "high" -> Severity.HIGH;
      case "critical" -> Severity.CRITICAL;
      default -> null;
    };
  }
}
