package io.cordon.commons.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A state change that the test application announces through the outbox. */
@Entity
@Table(name = "widget")
public class Widget extends PanacheEntityBase {
  @Id public UUID id;
  public String name;
}
