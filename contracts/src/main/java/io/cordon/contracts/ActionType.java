package io.cordon.contracts;

/** A remediation action a playbook step can run (DESIGN.md §5). */
public enum ActionType {
  REVOKE_SESSIONS,
  RESET_PASSWORD,
  DISABLE_ACCOUNT,
  CONFIRM_COMPROMISED,
  REMOVE_MFA_METHODS,
  ISSUE_TEMPORARY_ACCESS_PASS,
  REVOKE_OAUTH_GRANTS,
  /**
   * Kept so that existing playbooks still run: account-service runs it as {@link
   * #REMOVE_MAIL_RULES} (forwarding and hiding inbox rules).
   */
  REMOVE_FORWARDING_RULES,
  /**
   * Deletes the inbox rules an attacker uses: forwarding and hiding rules (docs/playbooks.md),
   * never ordinary filing rules.
   */
  REMOVE_MAIL_RULES,
  REMOVE_PRIVILEGED_ROLES,
  /** Dismisses the user's risk in Identity Protection (after recovery). */
  DISMISS_RISK,
  /** Enables a disabled account again ({@code accountEnabled: true}). */
  ENABLE_ACCOUNT,
  NOTIFY_PARTNERS,
  /**
   * Removes password credentials added in the compromise window to the applications and service
   * principals the user owns; key credentials in the window are named for manual removal.
   */
  REMOVE_APP_CREDENTIALS,
  /**
   * Removes the user's app role assignments made in the window and the user's own delegated grants,
   * to apps not on the allowlist.
   */
  REMOVE_APP_CONSENTS,
  /** Disables the devices the user registered or owns that were registered in the window. */
  DISABLE_DEVICES
}
