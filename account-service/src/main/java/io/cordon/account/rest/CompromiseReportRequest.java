package io.cordon.account.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.contracts.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** JSON body of {@code POST /compromise-reports}; entries are validated one by one later. */
public record CompromiseReportRequest(
    @NotNull @Valid Incident incident,
    @NotNull @Size(max = 50_000, message = "at most 50000 entries per report")
        List<JsonNode> accounts,
    @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a playbook name")
        String playbook,
    @Size(max = 200) String source) {

  /** The incident the accounts belong to. */
  public record Incident(
      @NotBlank @Size(max = 200) String id, @Size(max = 500) String title, Severity severity) {}
}
