package io.cordon.account.client;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.http.middleware.RetryHandler;
import io.cordon.account.config.AppCredential;
import io.cordon.account.config.GraphConfig;
import io.cordon.account.config.GraphTenant;
import io.cordon.account.config.InPlaceRetry;
import io.cordon.account.config.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Builds the Graph SDK clients of this service, one set per tenant ({@link TenantRegistry}):
 * azure-identity app credentials against the tenant's authority, its Graph base URL, and no
 * SDK-level retries (the action ledger owns retries, so a 429 is never retried by two layers);
 * cleanup listings alone send a refused read again in place ({@link #listingGraph(GraphTenant)}).
 * The methods without a tenant serve the primary tenant.
 */
@ApplicationScoped
public class GraphClients {
  @Inject GraphConfig config;
  @Inject GraphClock clock;
  @Inject TenantRegistry tenants;

  private final Map<String, TokenCredential> credentials = new ConcurrentHashMap<>();
  private final Map<String, GraphServiceClient> clients = new ConcurrentHashMap<>();
  private final Map<String, GraphServiceClient> listingClients = new ConcurrentHashMap<>();

  public GraphServiceClient graph() {
    return graph(tenants.primary());
  }

  public GraphServiceClient graph(GraphTenant tenant) {
    return clients.computeIfAbsent(tenant.name(), name -> newClient(tenant, Stream.empty()));
  }

  public GraphServiceClient listingGraph() {
    return listingGraph(tenants.primary());
  }

  /**
   * The client cleanup actions list with: the same, but a refused read goes again in place ({@link
   * ReadRetryInterceptor}); writes never pass through it.
   */
  public GraphServiceClient listingGraph(GraphTenant tenant) {
    return listingClients.computeIfAbsent(
        tenant.name(),
        name ->
            newClient(
                tenant, Stream.of(new ReadRetryInterceptor(InPlaceRetry.of(config.retry())))));
  }

  public TokenCredential credential() {
    return credential(tenants.primary());
  }

  public TokenCredential credential(GraphTenant tenant) {
    return credentials.computeIfAbsent(
        tenant.name(), name -> new CachingTokenCredential(newCredential(tenant)));
  }

  public String scope() {
    return tenants.primary().scope();
  }

  private GraphServiceClient newClient(GraphTenant tenant, Stream<Interceptor> retries) {
    String graphHost = URI.create(tenant.baseUrl()).getHost();
    AzureIdentityAuthenticationProvider auth =
        new AzureIdentityAuthenticationProvider(
            credential(tenant), new String[] {graphHost}, tenant.scope());
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
    graph.getRequestAdapter().setBaseUrl(tenant.baseUrl());
    return graph;
  }

  private TokenCredential newCredential(GraphTenant tenant) {
    HttpClient identityHttp =
        new OkHttpAsyncHttpClientBuilder(GraphTls.apply(new OkHttpClient.Builder(), config).build())
            .build();
    AppCredential credential = tenant.credential().orElseThrow(missingCredential(tenant));
    if (credential instanceof AppCredential.Certificate certificate) {
      return new ClientCertificateCredentialBuilder()
          .tenantId(tenant.tenantId())
          .clientId(tenant.clientId())
          .pemCertificate(certificate.pemPath())
          .authorityHost(tenant.authorityHost())
          .disableInstanceDiscovery()
          .httpClient(identityHttp)
          .build();
    }
    if (credential instanceof AppCredential.FederatedToken federated) {
      return new WorkloadIdentityCredentialBuilder()
          .tenantId(tenant.tenantId())
          .clientId(tenant.clientId())
          .tokenFilePath(federated.tokenFile())
          .authorityHost(tenant.authorityHost())
          .disableInstanceDiscovery()
          .httpClient(identityHttp)
          .build();
    }
    return new ClientSecretCredentialBuilder()
        .tenantId(tenant.tenantId())
        .clientId(tenant.clientId())
        .clientSecret(((AppCredential.ClientSecret) credential).secret())
        .authorityHost(tenant.authorityHost())
        .disableInstanceDiscovery()
        .httpClient(identityHttp)
        .build();
  }

  private static Supplier<IllegalStateException> missingCredential(GraphTenant tenant) {
    return () ->
        new IllegalStateException(
            "Set cordon.graph.client-secret, .certificate-path or .federated-token-file");
  }
}
