package io.cordon.account.service.resolution;

import io.cordon.account.config.BlastRadiusConfig;
import io.cordon.account.repository.CompromiseReportEntity;
import io.cordon.contracts.ReportSource;
import io.cordon.contracts.events.ResolvedAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether a report must wait for a person before its first write: a detector's report (a machine
 * calling {@code /detections}, not a person) that names more than {@code
 * cordon.detections.blast-radius.max-accounts} accounts or any privileged account. A forged or
 * mistaken detection can then never lock out a whole tenant or its administrators on its own.
 */
@ApplicationScoped
public class BlastRadius {
  private static final int NAMES_SHOWN = 5;

  @Inject BlastRadiusConfig config;

  /** Why the report waits, or null when it may go on. */
  String holdReason(CompromiseReportEntity report, List<ResolvedAccount> accounts) {
    if (!ReportSource.DETECTION.name().equals(report.source) || report.releasedAt != null) {
      return null;
    }
    int named = Math.max(report.acceptedCount, accounts.size());
    List<ResolvedAccount> privileged =
        accounts.stream().filter(ResolvedAccount::isPrivileged).toList();
    StringBuilder why = new StringBuilder();
    if (named > config.maxAccounts()) {
      why.append("names ")
          .append(named)
          .append(" accounts, more than the ")
          .append(config.maxAccounts())
          .append(" a detector may have remediated without a person");
    }
    if (!privileged.isEmpty()) {
      why.append(why.isEmpty() ? "" : "; ")
          .append("names ")
          .append(privileged.size())
          .append(" privileged account(s): ")
          .append(
              privileged.stream()
                  .limit(NAMES_SHOWN)
                  .map(
                      a ->
                          a.userPrincipalName()
                              + " ("
                              + String.join(", ", a.privilegedRoles())
                              + ")")
                  .collect(Collectors.joining(", ")))
          .append(privileged.size() > NAMES_SHOWN ? ", ..." : "");
    }
    return why.isEmpty() ? null : why.toString();
  }
}
