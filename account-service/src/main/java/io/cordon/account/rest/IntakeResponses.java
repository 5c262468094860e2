package io.cordon.account.rest;

import io.cordon.account.service.intake.IntakeReceipt;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The 202 answer of every intake channel: the receipt, and the report's URL as Location. */
final class IntakeResponses {
  private IntakeResponses() {}

  static Response accepted(IntakeReceipt receipt, UriInfo uri) {
    IntakeResponse body =
        new IntakeResponse(
            receipt.reportId(), receipt.accepted(), receipt.rejected(), receipt.duplicates());
    Response.ResponseBuilder response = Response.accepted(body);
    if (receipt.replayed()) {
      // the receipt of the earlier delivery with the same key; nothing new was created
      response.header("Idempotent-Replayed", "true");
    }
    return response
        .location(
            uri.getBaseUriBuilder().path("api/v1/compromise-reports/{id}").build(body.reportId()))
        .build();
  }
}
