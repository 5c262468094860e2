package io.cordon.graphsim.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.graphsim.config.SimConfig;
import io.cordon.graphsim.service.SimTenant;
import io.cordon.graphsim.service.SimTenants;
import io.cordon.graphsim.tls.TlsMaterial;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PfxOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The simulator's own Vert.x HTTPS server (and an optional plain HTTP one): its certificate is made
 * at start, and faults need the raw connection. Routes: the Graph base path, /_sim, and the Entra
 * token and discovery paths.
 */
@ApplicationScoped
public class SimHttpServer {
  private static final Logger LOG = Logger.getLogger(SimHttpServer.class);

  @Inject Vertx vertx;
  @Inject SimConfig config;
  @Inject TlsMaterial tls;
  @Inject ObjectMapper json;
  @Inject GraphHttpHandler graph;
  @Inject TokenHttpHandler token;
  @Inject SimAdminHandler admin;
  @Inject SimTenants tenants;

  private volatile HttpServer https;
  private volatile HttpServer plain;

  void start(@Observes StartupEvent event) {
    // load the seed and size the throttle before the first request, so a bad seed fails the start
    for (SimTenant tenant : tenants.all()) {
      LOG.infof(
          "tenant %s: %s (%s), %d users, throttling %s",
          tenant.name(),
          tenant.id(),
          String.join(", ", tenant.domains()),
          tenant.userCount(),
          tenant.throttle().settings());
    }
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(config.http().host())
            .setPort(config.http().port())
            .setSsl(true)
            .setKeyCertOptions(
                new PfxOptions()
                    .setValue(Buffer.buffer(tls.keyStore()))
                    .setPassword(tls.keyStorePassword()))
            .setCompressionSupported(false)
            .setIdleTimeout(0);
    https = listen(options);
    if (config.http().plainPort().isPresent()) {
      plain =
          listen(
              new HttpServerOptions()
                  .setHost(config.http().host())
                  .setPort(config.http().plainPort().getAsInt()));
    }
    LOG.infof(
        "graph-simulator ready: https://%s:%d%s (token: https://%s:%d/<tenant>/oauth2/v2.0/token,"
            + " inspection: /_sim), trust store %s",
        config.http().host(),
        httpsPort(),
        config.http().graphBasePath(),
        config.http().host(),
        httpsPort(),
        tls.trustStore());
  }

  private HttpServer listen(HttpServerOptions options) {
    return vertx
        .createHttpServer(options)
        .requestHandler(this::route)
        .listen()
        .toCompletionStage()
        .toCompletableFuture()
        .join();
  }

  void stop(@Observes ShutdownEvent event) {
    if (https != null) {
      https.close();
    }
    if (plain != null) {
      plain.close();
    }
  }

  public int httpsPort() {
    return https == null ? -1 : https.actualPort();
  }

  public int plainPort() {
    return plain == null ? -1 : plain.actualPort();
  }

  public String trustStorePath() {
    return tls.trustStore().toString();
  }

  private void route(HttpServerRequest http) {
    http.body().onSuccess(body -> dispatch(http, body)).onFailure(e -> http.connection().close());
  }

  private void dispatch(HttpServerRequest http, Buffer body) {
    String path = http.path();
    try {
      String base = config.http().graphBasePath();
      if (path.equals(base) || path.startsWith(base + "/")) {
        graph.handle(http, body);
        return;
      }
      String[] s = path.replaceFirst("^/", "").split("/");
      if (s[0].equals("_sim")) {
        admin.handle(http, body, s);
        return;
      }
      if (token.handle(http, body, s)) {
        return;
      }
      HttpReplies.json(
          http,
          404,
          Map.of("error", Map.of("code", "NotFound", "message", "No route for " + path)),
          json);
    } catch (RuntimeException e) {
      LOG.errorf(e, "graph-simulator failed on %s %s", http.method(), path);
      if (!http.response().ended()) {
        HttpReplies.json(
            http,
            500,
            Map.of("error", Map.of("code", "generalException", "message", "Simulator error: " + e)),
            json);
      }
    }
  }
}
