package io.cordon.account.client;

import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import io.cordon.account.config.GraphTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Graph's Temporary Access Pass methods of one user: create one ({@code POST
 * /users/{id}/authentication/temporaryAccessPassMethods}, which answers the pass once) and list the
 * user's existing ones (which never show the pass again). One attempt each; the ledger retries.
 */
@ApplicationScoped
public class TemporaryAccessPassClient {
  @Inject GraphClients clients;

  /** A pass Graph created. {@code pass} is the secret: never log or print this record. */
  public record IssuedPass(
      String methodId,
      String pass,
      Instant createdAt,
      Instant startsAt,
      Duration lifetime,
      boolean usableOnce) {
    @Override
    public String toString() {
      return "IssuedPass[methodId=" + methodId + ", createdAt=" + createdAt + "]";
    }
  }

  /** The pass, or Graph's answer when none was created (or none is known to be). */
  public record Issue(IssuedPass issued, GraphAnswer failure) {}

  /** A pass the user already has, as Graph lists it (without its value). */
  public record ExistingPass(String methodId, Instant createdAt, Boolean usable) {}

  /** The user's passes, or the answer that prevented listing them. */
  public record Listing(List<ExistingPass> passes, GraphAnswer failure) {}

  public Issue issue(GraphTenant tenant, String userId, Duration lifetime, boolean usableOnce) {
    TemporaryAccessPassAuthenticationMethod body = new TemporaryAccessPassAuthenticationMethod();
    body.setLifetimeInMinutes((int) lifetime.toMinutes());
    body.setIsUsableOnce(usableOnce);
    try {
      TemporaryAccessPassAuthenticationMethod created =
          clients
              .graph(tenant)
              .users()
              .byUserId(userId)
              .authentication()
              .temporaryAccessPassMethods()
              .post(body);
      if (created == null || created.getTemporaryAccessPass() == null) {
        // 2xx without the pass: a pass may exist now that nobody can read
        return new Issue(null, GraphAnswer.noAnswer("Graph created no readable pass"));
      }
      Instant createdAt = instant(created.getCreatedDateTime(), Instant.now());
      Integer minutes = created.getLifetimeInMinutes();
      return new Issue(
          new IssuedPass(
              created.getId(),
              created.getTemporaryAccessPass(),
              createdAt,
              instant(created.getStartDateTime(), createdAt),
              minutes == null ? lifetime : Duration.ofMinutes(minutes),
              created.getIsUsableOnce() == null ? usableOnce : created.getIsUsableOnce()),
          null);
    } catch (RuntimeException e) {
      return new Issue(null, answerOf(e));
    }
  }

  public Listing list(GraphTenant tenant, String userId) {
    try {
      var page =
          clients
              .graph(tenant)
              .users()
              .byUserId(userId)
              .authentication()
              .temporaryAccessPassMethods()
              .get();
      List<TemporaryAccessPassAuthenticationMethod> values =
          page == null || page.getValue() == null ? List.of() : page.getValue();
      return new Listing(
          values.stream()
              .map(
                  m ->
                      new ExistingPass(
                          m.getId(), instant(m.getCreatedDateTime(), null), m.getIsUsable()))
              .toList(),
          null);
    } catch (RuntimeException e) {
      return new Listing(List.of(), answerOf(e));
    }
  }

  private static GraphAnswer answerOf(RuntimeException e) {
    if (e instanceof ODataError odata) {
      MainError error = odata.getError();
      return new GraphAnswer(
          odata.getResponseStatusCode(),
          GraphAnswers.retryAfter(header(odata, "Retry-After")),
          header(odata, "request-id"),
          error == null || error.getCode() == null ? "RequestFailed" : error.getCode(),
          error == null ? odata.getMessage() : error.getMessage());
    }
    if (e instanceof ApiException api && api.getResponseStatusCode() > 0) {
      return new GraphAnswer(
          api.getResponseStatusCode(),
          GraphAnswers.retryAfter(header(api, "Retry-After")),
          header(api, "request-id"),
          "RequestFailed",
          api.getMessage());
    }
    return GraphAnswer.noAnswer(e.getClass().getSimpleName());
  }

  private static String header(ApiException e, String name) {
    if (e.getResponseHeaders() == null) {
      return null;
    }
    for (Map.Entry<String, Set<String>> header : e.getResponseHeaders().entrySet()) {
      if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
        return header.getValue().iterator().next();
      }
    }
    return null;
  }

  private static Instant instant(OffsetDateTime time, Instant fallback) {
    return time == null ? fallback : time.toInstant();
  }
}
