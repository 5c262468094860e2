package io.cordon.playbook.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Hands object ids to account-service as a compromise report. Whatever it answers becomes a 4xx or
 * 503 problem here, never a 500: a refusal keeps its reasons, an outage says nothing was started.
 */
@ApplicationScoped
public class AccountReports {
  private static final Logger LOG = Logger.getLogger(AccountReports.class);

  @Inject @RestClient CompromiseReportClient client;
  @Inject ObjectMapper mapper;

  /** What account-service took: the report id and how many entries it accepted. */
  public record Receipt(String reportId, int accepted, List<Problem.FieldError> rejected) {}

  /** One account of the report: an object id, maybe with the tenant it lives in. */
  public record Entry(String objectId, String tenantId) {}

  public Receipt submit(
      String bearerToken,
      String idempotencyKey,
      String incidentId,
      String incidentTitle,
      String severity,
      String playbook,
      List<Entry> accounts) {
    ObjectNode report = mapper.createObjectNode();
    ObjectNode incident = report.putObject("incident").put("id", incidentId);
    if (incidentTitle != null) {
      incident.put("title", incidentTitle);
    }
    if (severity != null) {
      incident.put("severity", severity);
    }
    report.put("playbook", playbook);
    report.put("source", "playbook-service POST /api/v1/runs");
    ArrayNode entries = report.putArray("accounts");
    for (Entry account : accounts) {
      ObjectNode entry = entries.addObject().put("objectId", account.objectId());
      if (account.tenantId() != null) {
        entry.put("tenantId", account.tenantId());
      }
    }
    JsonNode answer;
    try {
      answer = client.submit("Bearer " + bearerToken, idempotencyKey, report);
    } catch (WebApplicationException e) {
      throw refused(e);
    } catch (ProcessingException e) {
      LOG.warnf("account-service unreachable for POST /runs: %s", e.getMessage());
      throw unavailable("could not be reached");
    }
    return new Receipt(
        answer.path("reportId").asText(),
        answer.path("accepted").asInt(),
        rejections(answer.path("rejected")));
  }

  /**
   * What account-service would resolve the report to, read from the directory with nothing stored,
   * published or written ({@code POST /compromise-reports?dryRun=true}).
   */
  public JsonNode dryRun(String bearerToken, JsonNode report) {
    try {
      return client.dryRun("Bearer " + bearerToken, "true", report);
    } catch (WebApplicationException e) {
      throw refused(e);
    } catch (ProcessingException e) {
      LOG.warnf("account-service unreachable for a plan: %s", e.getMessage());
      throw unavailable("could not be reached");
    }
  }

  private ProblemException refused(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      LOG.warnf("account-service answered %d to POST /runs' report", status);
      return unavailable("answered " + status);
    }
    JsonNode problem = problemOf(e);
    String detail =
        "account-service refused the accounts: " + problem.path("detail").asText("HTTP " + status);
    List<Problem.FieldError> errors = new ArrayList<>();
    problem
        .path("errors")
        .forEach(
            error ->
                errors.add(
                    new Problem.FieldError(
                        error.path("field").asText(), error.path("reason").asText())));
    ProblemType type =
        status == 401 || status == 403 ? ProblemType.FORBIDDEN : ProblemType.UNPROCESSABLE;
    return new ProblemException(type, detail, errors);
  }

  private JsonNode problemOf(WebApplicationException e) {
    try {
      e.getResponse().bufferEntity();
      JsonNode body = e.getResponse().readEntity(JsonNode.class);
      return body == null ? mapper.createObjectNode() : body;
    } catch (RuntimeException unreadable) {
      return mapper.createObjectNode();
    }
  }

  private static List<Problem.FieldError> rejections(JsonNode rejected) {
    List<Problem.FieldError> errors = new ArrayList<>();
    rejected.forEach(
        entry ->
            errors.add(
                new Problem.FieldError(
                    entry.path("input").asText(), entry.path("reason").asText())));
    return errors;
  }

  private static ProblemException unavailable(String what) {
    return new ProblemException(
        ProblemType.SERVICE_UNAVAILABLE,
        "account-service "
            + what
            + ", so the accounts could not be read from the directory; nothing was started: try"
            + " again");
  }
}
