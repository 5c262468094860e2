package io.cordon.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The app registration Cordon acts as, and how hard it may push Microsoft Graph (DESIGN §5). */
@ConfigMapping(prefix = "cordon.graph")
public interface GraphConfig {
  @WithDefault("https://graph.microsoft.com/v1.0")
  String baseUrl();

  /** The OAuth scope asked for; national clouds use their own Graph host. */
  @WithDefault("https://graph.microsoft.com/.default")
  String scope();

  @WithDefault("https://login.microsoftonline.com")
  String authorityHost();

  @WithDefault("not-configured")
  String tenantId();

  @WithDefault("not-configured")
  String clientId();

  Optional<String> clientSecret();

  /** PEM file holding the certificate and its private key, instead of a client secret. */
  Optional<String> certificatePath();

  /**
   * A workload identity's federated token file instead of a secret (on Kubernetes with Azure
   * Workload Identity: {@code AZURE_FEDERATED_TOKEN_FILE}).
   */
  Optional<String> federatedTokenFile();

  /** A PKCS12 trust store for a Graph or token endpoint with a private CA (tests, simulator). */
  Optional<String> trustStore();

  Optional<String> trustStorePassword();

  @WithDefault("large")
  TenantSize tenantSize();

  @WithDefault("30s")
  Duration requestTimeout();

  @WithDefault("true")
  boolean forceChangePasswordNextSignInWithMfa();

  /**
   * How far Graph's clock may be from this service's when no Graph answer has carried a {@code
   * Date} header yet; answers with one replace this guess by a measurement.
   */
  @WithDefault("5s")
  Duration clockTolerance();

  /**
   * How long the app's directory roles, once read, are trusted by the executor's preflight before
   * they are read again ({@code GET /api/v1/graph/readiness} always reads them afresh).
   */
  @WithDefault("5m")
  Duration directoryRolesMaxAge();

  Budget budget();

  Retry retry();

  /**
   * Several Entra tenants ({@code cordon.graph.tenants.<name>.*}, DESIGN §5). None named: the keys
   * above are the one tenant, named {@value TenantRegistry#LEGACY_NAME}.
   */
  Map<String, Tenant> tenants();

  /**
   * One tenant and the app registration Cordon acts as there. Client id, secret and certificate
   * fall back to the keys above (one multi-tenant app consented in several tenants); the hosts come
   * from the cloud unless given.
   */
  interface Tenant {
    String tenantId();

    Optional<String> clientId();

    Optional<String> clientSecret();

    Optional<String> certificatePath();

    Optional<String> federatedTokenFile();

    @WithDefault("global")
    GraphCloud cloud();

    /** Overrides the cloud's Graph root, e.g. {@code https://graph.microsoft.us/v1.0}. */
    Optional<String> baseUrl();

    /** Overrides the cloud's Entra authority host. */
    Optional<String> authorityHost();

    Optional<TenantSize> tenantSize();

    /** Domains routed here in addition to the verified ones Graph lists ({@code GET /domains}). */
    Optional<List<String>> domains();

    /** Accounts whose tenant neither the report nor a domain names go here. */
    @WithName("default")
    @WithDefault("false")
    boolean isDefault();
  }

  /** Entra's tenant size classes, which set the resource-unit budget. */
  enum TenantSize {
    SMALL(3_500),
    MEDIUM(5_000),
    LARGE(8_000);

    private final int resourceUnitsPer10s;

    TenantSize(int resourceUnitsPer10s) {
      this.resourceUnitsPer10s = resourceUnitsPer10s;
    }

    public int resourceUnitsPer10s() {
      return resourceUnitsPer10s;
    }
  }

  /** The documented per app per tenant limits, scalable for simulators and benchmarks. */
  interface Budget {
    /** Writes allowed per 150 s (documented: 3,000). */
    @WithDefault("3000")
    int writesPer150s();

    /** Identity Protection requests per second (documented: 1, no Retry-After). */
    @WithDefault("1")
    double identityProtectionPerSecond();

    /** Multiplies every budget: 1 in production; higher only against a simulator. */
    @WithDefault("1.0")
    double scale();

    /**
     * Multiplies every window length (10 s, 150 s, 1 s): 1 in production; smaller compresses time
     * against a simulator or in tests.
     */
    @WithDefault("1.0")
    double windowScale();
  }

  /** Retry policy for retryable Graph answers (429, 5xx, timeouts). */
  interface Retry {
    @WithDefault("8")
    int maxAttempts();

    /**
     * Attempts to resolve an account through 429, 5xx and timeouts: a lookup only reads, so it may
     * try longer than a write; an account still unread after them is reported FAILED with Graph's
     * last answer, never dropped silently.
     */
    @WithDefault("20")
    int resolutionMaxAttempts();

    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("60s")
    Duration maxBackoff();

    /**
     * Sends of a refused clean-up read or deletion, the first included, before the action goes back
     * to the ledger as a whole ({@link InPlaceRetry}).
     */
    @WithDefault("3")
    int inPlaceSends();

    /** A longer Retry-After is waited for in the ledger, not by a worker thread. */
    @WithDefault("5s")
    Duration longestWaitInPlace();
  }
}
