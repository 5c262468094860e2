package io.cordon.commons.testapp;

import io.cordon.commons.audit.Audit;
import io.cordon.commons.audit.AuditEntry;
import io.cordon.commons.audit.AuditKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/** Widget changes that are audited, the way a service records its state changes. */
@ApplicationScoped
public class AuditedWidgets {
  @Inject Audit audit;

  /** Creates widgets, one audit entry each, in one transaction; can fail after auditing. */
  @Transactional
  public void create(String incident, int count, boolean failAfterAudit) {
    for (int i = 0; i < count; i++) {
      Widget widget = new Widget();
      widget.id = UUID.randomUUID();
      widget.name = incident + "-" + i;
      widget.persist();
      audit.record(
          AuditEntry.of(AuditKind.RUN, "widget.created", widget.id.toString())
              .withIncident(incident)
              .withAccount(widget.id.toString(), widget.name + "@contoso.example")
              .withChange(null, Map.of("name", widget.name, "webhookSecret", "whsec_never"))
              .withResult("SUCCEEDED", null));
    }
    if (failAfterAudit) {
      throw new IllegalStateException("failing after auditing on purpose");
    }
  }

  /** The same widgets without auditing: the baseline of the throughput measurement. */
  @Transactional
  public void createUnaudited(String incident, int count) {
    for (int i = 0; i < count; i++) {
      Widget widget = new Widget();
      widget.id = UUID.randomUUID();
      widget.name = incident + "-" + i;
      widget.persist();
    }
  }
}
