package io.cordon.account.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

@Entity
@Table(name = "report_rejection")
public class ReportRejectionEntity extends PanacheEntityBase {
  @EmbeddedId public Key key;

  public String input;

  public String reason;

  /** Rejections are numbered in the order they were found within their report. */
  @Embeddable
  public record Key(@Column(name = "report_id") UUID reportId, int position)
      implements Serializable {}
}
