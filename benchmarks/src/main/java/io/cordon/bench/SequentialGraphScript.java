package io.cordon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.identityprotection.riskyusers.confirmcompromised.ConfirmCompromisedPostRequestBody;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The common alternative: an incident script that walks the list one user after another with the
 * Microsoft Graph SDK (its default middleware, including the RetryHandler that honours
 * Retry-After), awaiting each call: revokeSignInSessions, password reset, confirmCompromised.
 */
final class SequentialGraphScript {
  private static final String CHARS =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#$%&*+-=?@";
  private final GraphServiceClient graph;
  private final SecureRandom random = new SecureRandom();

  record Result(int users, double seconds, int failedUsers) {}

  SequentialGraphScript(
      URI simulator, String tenant, String clientId, Path trustStore, String password)
      throws Exception {
    X509TrustManager trust = trustManager(trustStore, password);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {trust}, null);
    String token = token(simulator, tenant, clientId, tls);
    AuthenticationProvider auth =
        (request, context) -> request.headers.add("Authorization", "Bearer " + token);
    OkHttpClient http =
        GraphClientFactory.create(new GraphClientOption())
            .sslSocketFactory(tls.getSocketFactory(), trust)
            .build();
    graph = new GraphServiceClient(auth, http);
    graph.getRequestAdapter().setBaseUrl(simulator + "/v1.0");
  }

  Result run(List<String> userIds, Consumer<String> progress) {
    long started = System.nanoTime();
    int failed = 0;
    for (int i = 0; i < userIds.size(); i++) {
      String id = userIds.get(i);
      try {
        graph.users().byUserId(id).revokeSignInSessions().post();
        User reset = new User();
        PasswordProfile profile = new PasswordProfile();
        profile.setPassword(password());
        profile.setForceChangePasswordNextSignIn(true);
        reset.setPasswordProfile(profile);
        graph.users().byUserId(id).patch(reset);
        ConfirmCompromisedPostRequestBody confirm = new ConfirmCompromisedPostRequestBody();
        confirm.setUserIds(List.of(id));
        graph.identityProtection().riskyUsers().confirmCompromised().post(confirm);
      } catch (RuntimeException e) {
        // a typical script logs and goes on with the next user
        failed++;
      }
      if ((i + 1) % 25 == 0) {
        progress.accept(
            String.format(
                "  script: %d/%d users, %.0f s", i + 1, userIds.size(), seconds(started)));
      }
    }
    return new Result(userIds.size(), seconds(started), failed);
  }

  private String password() {
    StringBuilder password = new StringBuilder("Aa1!");
    for (int i = 0; i < 20; i++) {
      password.append(CHARS.charAt(random.nextInt(CHARS.length())));
    }
    return password.toString();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** One client-credentials token (certificate-style assertion, which the simulator accepts). */
  private static String token(URI simulator, String tenant, String clientId, SSLContext tls)
      throws IOException, InterruptedException {
    String form =
        "grant_type=client_credentials&client_id="
            + encode(clientId)
            + "&scope="
            + encode("https://graph.microsoft.com/.default")
            + "&client_assertion_type="
            + encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
            + "&client_assertion=benchmark-script";
    HttpResponse<String> answer =
        HttpClient.newBuilder()
            .sslContext(tls)
            .build()
            .send(
                HttpRequest.newBuilder(simulator.resolve("/" + tenant + "/oauth2/v2.0/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode body = new ObjectMapper().readTree(answer.body());
    if (answer.statusCode() != 200) {
      throw new IOException("token endpoint answered " + answer.statusCode() + ": " + body);
    }
    return body.path("access_token").asText();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static X509TrustManager trustManager(Path trustStore, String password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(trustStore)) {
      store.load(in, password.toCharArray());
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("no X509 trust manager");
  }
}
