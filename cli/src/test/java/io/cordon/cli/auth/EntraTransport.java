package io.cordon.cli.auth;

import com.microsoft.aad.msal4j.HttpMethod;
import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * The network between MSAL and the Entra stand-in: every request MSAL makes to the authority's host
 * goes to the stand-in's HTTPS port instead. The authority itself carries no port, as Entra's never
 * does (MSAL drops an explicit port when it refreshes a token).
 */
final class EntraTransport implements IHttpClient {
  private static final Set<String> SET_BY_THE_CLIENT =
      Set.of("host", "content-length", "connection", "expect", "upgrade");

  private final HttpClient http;
  private final String authorityHost;
  private final URI standIn;

  EntraTransport(SSLContext trustingStandIn, String authorityHost, URI standIn) {
    this.http = HttpClient.newBuilder().sslContext(trustingStandIn).build();
    this.authorityHost = authorityHost;
    this.standIn = standIn;
  }

  @Override
  public IHttpResponse send(HttpRequest request) throws Exception {
    if (!request.url().getHost().equals(authorityHost)) {
      // like a machine without internet: login.microsoftonline.com is out of reach
      throw new java.net.ConnectException("no route to " + request.url().getHost());
    }
    URI target = URI.create(standIn + request.url().getFile());
    java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(target);
    request
        .headers()
        .forEach(
            (name, value) -> {
              if (!SET_BY_THE_CLIENT.contains(name.toLowerCase())) {
                builder.header(name, value);
              }
            });
    if (request.httpMethod() == HttpMethod.POST) {
      builder.POST(
          java.net.http.HttpRequest.BodyPublishers.ofString(
              request.body() == null ? "" : request.body()));
    } else {
      builder.GET();
    }
    java.net.http.HttpResponse<String> answer =
        http.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    HttpResponse response = new HttpResponse().statusCode(answer.statusCode()).body(answer.body());
    response.addHeaders(answer.headers().map());
    return response;
  }
}
