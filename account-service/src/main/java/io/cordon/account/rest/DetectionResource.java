package io.cordon.account.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.account.service.detection.DetectionIntakeService;
import io.cordon.account.service.detection.WebhookHeaders;
import io.cordon.commons.security.CurrentPrincipal;
import io.cordon.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Automated intake from detection systems (DESIGN §3): Graph security alerts and incidents,
 * Sentinel incident webhooks, Defender XDR streaming batches and Entra risk detections become
 * compromise reports. The raw body is read as bytes so its webhook signature can be checked.
 */
@Path("/api/v1/detections")
@Produces(MediaType.APPLICATION_JSON)
public class DetectionResource {
  @Inject DetectionIntakeService detections;
  @Inject CurrentPrincipal principal;
  @Inject ObjectMapper mapper;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.DETECTOR)
  public Response submit(
      @RequestBody(
              description =
                  "A Graph security alert or incident (alerts expanded), a Sentinel incident"
                      + " webhook payload, a Defender XDR streaming batch {records:[...]} or an"
                      + " Entra riskDetection; single or {value:[...]}. See docs/api.md.",
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(type = SchemaType.OBJECT)))
          byte[] body,
      @HeaderParam("webhook-id") String webhookId,
      @HeaderParam("webhook-timestamp") String webhookTimestamp,
      @HeaderParam("webhook-signature") String webhookSignature,
      @HeaderParam(CompromiseReportResource.IDEMPOTENCY_KEY) String idempotencyKey,
      @QueryParam("playbook")
          @Size(max = 100)
          @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a playbook name")
          String playbook,
      UriInfo uri)
      throws IOException {
    byte[] raw = body == null ? new byte[0] : body;
    // malformed JSON raises Jackson's parse exception, which the shared mappers answer with 400
    JsonNode payload = mapper.readTree(raw);
    WebhookHeaders headers = new WebhookHeaders(webhookId, webhookTimestamp, webhookSignature);
    return IntakeResponses.accepted(
        detections.submit(
            payload, raw, headers, principal.name(), principal.id(), playbook, idempotencyKey),
        uri);
  }
}
