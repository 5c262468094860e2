package io.cordon.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** The graph-simulator's {@code /_sim} inspection and control API (no token: loopback only). */
public final class SimulatorApi {
  private final CordonApi api;
  private final URI simulator;

  public SimulatorApi(CordonApi api, URI simulator) {
    this.api = api;
    this.simulator = simulator;
  }

  public JsonNode user(String idOrUpn) throws IOException, InterruptedException {
    return api.get(simulator.resolve("/_sim/users/" + encode(idOrUpn)), null);
  }

  public JsonNode users() throws IOException, InterruptedException {
    return api.get(simulator.resolve("/_sim/users"), null);
  }

  /** Journal entries; {@code effective} true keeps only the calls that changed state. */
  public JsonNode journal(String action, Boolean effective)
      throws IOException, InterruptedException {
    StringBuilder query = new StringBuilder("/_sim/journal?limit=100000");
    if (action != null) {
      query.append("&action=").append(encode(action));
    }
    if (effective != null) {
      query.append("&effective=").append(effective);
    }
    return api.get(simulator.resolve(query.toString()), null).path("entries");
  }

  public JsonNode counts() throws IOException, InterruptedException {
    return api.get(simulator.resolve("/_sim/counts"), null);
  }

  public void putFaults(String json) throws IOException, InterruptedException {
    put("/_sim/faults", json);
  }

  public void putThrottle(String json) throws IOException, InterruptedException {
    put("/_sim/throttle", json);
  }

  public void reset() throws IOException, InterruptedException {
    URI url = simulator.resolve("/_sim/reset");
    CordonApi.expectSuccess(
        api.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.noBody()).build()),
        url);
  }

  private void put(String path, String json) throws IOException, InterruptedException {
    URI url = simulator.resolve(path);
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build();
    CordonApi.expectSuccess(api.send(request), url);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
