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
  NOTIFY_PARTNERS
}
