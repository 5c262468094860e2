package io.cordon.commons.testapp;

import io.cordon.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** An audited state change over REST, to see the caller and correlation id in the log. */
@Path("/api/test/audited-widgets")
@RolesAllowed(Roles.RESPONDER)
public class AuditedWidgetResource {
  @Inject AuditedWidgets widgets;

  @POST
  @Consumes(MediaType.WILDCARD)
  public void create(@QueryParam("incident") String incident) {
    widgets.create(incident, 1, false);
  }
}
