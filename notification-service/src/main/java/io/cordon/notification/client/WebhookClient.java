package io.cordon.notification.client;

import io.cordon.notification.config.NotificationConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one HTTP client for partner webhooks. It owns the timeouts (one attempt never takes longer
 * than {@code cordon.notification.delivery.timeout}, connect included), never follows redirects,
 * and connects only to the addresses the caller vetted while TLS still verifies the URL's host name
 * (SNI and certificate). Retrying is not its business: the schedule lives in the database.
 */
@ApplicationScoped
public class WebhookClient {
  private static final int MAX_ERROR_LENGTH = 300;

  private final HttpClient http;
  private final Duration timeout;
  private final String userAgent;

  @Inject
  public WebhookClient(Vertx vertx, NotificationConfig config) {
    this(
        vertx,
        config.delivery().timeout(),
        config.webhook().trustStore(),
        config.webhook().trustStorePassword(),
        config.delivery().concurrency(),
        config.webhook().userAgent());
  }

  public WebhookClient(
      Vertx vertx,
      Duration timeout,
      Optional<String> trustStore,
      Optional<String> trustStorePassword,
      int maxConnections,
      String userAgent) {
    this.timeout = timeout;
    this.userAgent = userAgent;
    HttpClientOptions options =
        new HttpClientOptions()
            .setConnectTimeout(millis(timeout))
            .setVerifyHost(true)
            .setForceSni(true)
            // a fresh connection per attempt: every attempt goes to the address just checked, and a
            // pooled connection left broken by a timed-out attempt cannot fail the next delivery
            .setKeepAlive(false)
            .setMaxPoolSize(Math.max(1, maxConnections))
            .setTryUseCompression(false);
    trustStore.ifPresent(
        path ->
            options.setTrustOptions(
                new PfxOptions().setPath(path).setPassword(trustStorePassword.orElse(null))));
    this.http = vertx.createHttpClient(options);
  }

  /** Sends the call and waits at most the timeout; never throws for anything the network does. */
  public WebhookAnswer post(WebhookCall call) {
    long started = System.nanoTime();
    Future<WebhookAnswer> answer = attempt(call, 0, started);
    try {
      return answer
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return WebhookAnswer.noAnswer("no answer within " + timeout, elapsed(started));
    } catch (ExecutionException e) {
      return WebhookAnswer.noAnswer(describe(e.getCause()), elapsed(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return WebhookAnswer.noAnswer("interrupted while waiting for the answer", elapsed(started));
    }
  }

  /** Tries the vetted addresses in order, moving on only when a connection is refused. */
  private Future<WebhookAnswer> attempt(WebhookCall call, int index, long started) {
    return http.request(options(call, index))
        .compose(request -> request.send(Buffer.buffer(call.body())))
        .compose(
            response -> {
              // the answer's status is all that counts; its body is read and dropped
              response.handler(ignored -> {});
              int status = response.statusCode();
              String retryAfter = response.getHeader("Retry-After");
              return response
                  .end()
                  .map(done -> WebhookAnswer.answered(status, retryAfter, elapsed(started)));
            })
        .recover(
            failure ->
                failure instanceof ConnectException && index + 1 < call.addresses().size()
                    ? attempt(call, index + 1, started)
                    : Future.failedFuture(failure));
  }

  private RequestOptions options(WebhookCall call, int index) {
    URI url = call.url();
    boolean https = "https".equalsIgnoreCase(url.getScheme());
    int port = url.getPort() != -1 ? url.getPort() : (https ? 443 : 80);
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(url.toString())
            // pinned: connect to the vetted address, keep the URL's host for TLS and Host
            .setServer(
                SocketAddress.inetSocketAddress(port, call.addresses().get(index).getHostAddress()))
            .setFollowRedirects(false)
            .setConnectTimeout(millis(timeout))
            .setIdleTimeout(millis(timeout));
    call.headers().forEach(options::putHeader);
    options.putHeader("user-agent", userAgent);
    return options;
  }

  @PreDestroy
  void close() {
    http.close();
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    String text =
        failure.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
    return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
  }
}
