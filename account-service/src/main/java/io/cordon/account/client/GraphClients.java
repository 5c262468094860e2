package io.cordon.account.client;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.http.middleware.RetryHandler;
import io.cordon.account.config.GraphConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.stream.Stream;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Builds the one Graph SDK client of this service: azure-identity app credentials against the
 * configured authority, the configured Graph base URL, and no SDK-level retries (the action ledger
 * owns retries, so a 429 is never retried by two layers); cleanup listings alone send a refused
 * read again in place ({@link #listingGraph()}).
 */
@ApplicationScoped
public class GraphClients {
  @Inject GraphConfig config;
  @Inject GraphClock clock;

  private volatile TokenCredential credential;
  private volatile GraphServiceClient client;
  private volatile GraphServiceClient listingClient;

  public GraphServiceClient graph() {
    if (client == null) {
      synchronized (this) {
        if (client == null) {
          client = newClient(Stream.empty());
        }
      }
    }
    return client;
  }

  /**
   * The client cleanup actions list with: the same, but a refused read goes again in place ({@link
   * ReadRetryInterceptor}); writes never pass through it.
   */
  public GraphServiceClient listingGraph() {
    if (listingClient == null) {
      synchronized (this) {
        if (listingClient == null) {
          listingClient =
              newClient(Stream.of(new ReadRetryInterceptor(config.retry().initialBackoff())));
        }
      }
    }
    return listingClient;
  }

  public TokenCredential credential() {
    if (credential == null) {
      synchronized (this) {
        if (credential == null) {
          credential = new CachingTokenCredential(newCredential());
        }
      }
    }
    return credential;
  }

  public String scope() {
    return config.scope();
  }

  private GraphServiceClient newClient(Stream<Interceptor> retries) {
    String graphHost = URI.create(config.baseUrl()).getHost();
    AzureIdentityAuthenticationProvider auth =
        new AzureIdentityAuthenticationProvider(
            credential(), new String[] {graphHost}, config.scope());
    Interceptor[] interceptors =
        Stream.concat(
                Arrays.stream(
                        GraphClientFactory.createDefaultGraphInterceptors(new GraphClientOption()))
                    .filter(interceptor -> !(interceptor instanceof RetryHandler)),
                Stream.concat(retries, Stream.of(clock.interceptor())))
            .toArray(Interceptor[]::new);
    OkHttpClient http =
        GraphTls.apply(GraphClientFactory.create(new GraphClientOption(), interceptors), config)
            .callTimeout(config.requestTimeout())
            .readTimeout(config.requestTimeout())
            .build();
    GraphServiceClient graph = new GraphServiceClient(auth, http);
    graph.getRequestAdapter().setBaseUrl(config.baseUrl());
    return graph;
  }

  private TokenCredential newCredential() {
    HttpClient identityHttp =
        new OkHttpAsyncHttpClientBuilder(GraphTls.apply(new OkHttpClient.Builder(), config).build())
            .build();
    if (config.certificatePath().isPresent()) {
      return new ClientCertificateCredentialBuilder()
          .tenantId(config.tenantId())
          .clientId(config.clientId())
          .pemCertificate(config.certificatePath().get())
          .authorityHost(config.authorityHost())
          .disableInstanceDiscovery()
          .httpClient(identityHttp)
          .build();
    }
    return new ClientSecretCredentialBuilder()
        .tenantId(config.tenantId())
        .clientId(config.clientId())
        .clientSecret(
            config
                .clientSecret()
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "Set cordon.graph.client-secret or cordon.graph.certificate-path")))
        .authorityHost(config.authorityHost())
        .disableInstanceDiscovery()
        .httpClient(identityHttp)
        .build();
  }
}
