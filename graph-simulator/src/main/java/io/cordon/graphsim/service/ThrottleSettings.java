package io.cordon.graphsim.service;

/**
 * Throttling as it is now (changeable at run time). Budgets are Entra's documented per app per
 * tenant limits times {@code scale}; windows are the documented lengths times {@code windowScale}.
 */
public record ThrottleSettings(
    Boolean enabled,
    String tenantSize,
    Double scale,
    Double windowScale,
    Integer writesPer150s,
    Integer identityProtectionPerSecond,
    Integer mailboxRequestsPer10Minutes) {

  /** Resource units per 10 s by tenant size (small 3,500 / medium 5,000 / large 8,000). */
  public int baseResourceUnitsPer10s() {
    return switch (tenantSize) {
      case "small" -> 3_500;
      case "medium" -> 5_000;
      default -> 8_000;
    };
  }

  /** Fields of {@code changes} that are set replace these. */
  public ThrottleSettings merge(ThrottleSettings changes) {
    return new ThrottleSettings(
        changes.enabled != null ? changes.enabled : enabled,
        changes.tenantSize != null ? changes.tenantSize : tenantSize,
        changes.scale != null ? changes.scale : scale,
        changes.windowScale != null ? changes.windowScale : windowScale,
        changes.writesPer150s != null ? changes.writesPer150s : writesPer150s,
        changes.identityProtectionPerSecond != null
            ? changes.identityProtectionPerSecond
            : identityProtectionPerSecond,
        changes.mailboxRequestsPer10Minutes != null
            ? changes.mailboxRequestsPer10Minutes
            : mailboxRequestsPer10Minutes);
  }

  /** The name of the first invalid field, or null. */
  public String invalidField() {
    if (!"small".equals(tenantSize)
        && !"medium".equals(tenantSize)
        && !"large".equals(tenantSize)) {
      return "tenantSize";
    }
    if (!(scale > 0)) {
      return "scale";
    }
    if (!(windowScale > 0)) {
      return "windowScale";
    }
    if (writesPer150s < 1) {
      return "writesPer150s";
    }
    if (identityProtectionPerSecond < 1) {
      return "identityProtectionPerSecond";
    }
    if (mailboxRequestsPer10Minutes < 1) {
      return "mailboxRequestsPer10Minutes";
    }
    return null;
  }
}
