package io.cordon.contracts.kafka;

import io.cordon.contracts.events.CompromiseReported;

public class CompromiseReportedDeserializer extends JsonEventDeserializer<CompromiseReported> {

  public CompromiseReportedDeserializer() {
    super(CompromiseReported.class);
  }
}
