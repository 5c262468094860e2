package io.cordon.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/** Paths that no route serves answer 404 as problem+json instead of the HTTP layer's plain text. */
@ApplicationScoped
public class UnknownPathHandler {
  @Inject ObjectMapper mapper;

  void register(@Observes Router router) {
    router
        .route()
        .last()
        .handler(
            ctx -> {
              Problem problem =
                  Problem.of(
                          ProblemType.NOT_FOUND,
                          "No resource at " + ctx.request().path(),
                          List.of())
                      .at(ctx.request().path());
              ctx.response()
                  .setStatusCode(404)
                  .putHeader("Content-Type", Problem.MEDIA_TYPE)
                  .end(write(problem));
            });
  }

  private String write(Problem problem) {
    try {
      return mapper.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
