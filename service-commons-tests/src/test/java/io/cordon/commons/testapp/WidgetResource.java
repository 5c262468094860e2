package io.cordon.commons.testapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;

/** A validated endpoint for the error-path tests. */
@Path("/api/test/widgets")
@PermitAll
public class WidgetResource {
  @Inject ObjectMapper mapper;

  /** Nested lists of values and of objects, the shapes whose error paths are easy to get wrong. */
  public record WidgetRequest(
      @NotBlank String name, List<@Email String> contacts, @Valid List<Part> parts) {}

  /** One part of a widget. */
  public record Part(@NotBlank String name) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public String create(@NotNull @Valid WidgetRequest request) {
    return request.name();
  }

  /** Parses the raw body itself, as resources that verify a signature over the bytes do. */
  @POST
  @Path("/raw")
  @Consumes(MediaType.APPLICATION_JSON)
  public String raw(byte[] body) throws IOException {
    return mapper.readTree(body).path("name").asText();
  }
}
