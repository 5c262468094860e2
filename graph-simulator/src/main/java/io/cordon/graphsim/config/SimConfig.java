package io.cordon.graphsim.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Everything the simulator is started with; faults and throttling can change later via /_sim. */
@ConfigMapping(prefix = "sim")
public interface SimConfig {
  Http http();

  Tls tls();

  Tenant tenant();

  /**
   * Further tenants beside {@link #tenant()} (the default one), by a name of the operator's
   * choosing: each with its own directory, app credential, throttling and faults.
   */
  Map<String, ExtraTenant> tenants();

  Auth auth();

  Seed seed();

  Throttle throttle();

  Faults faults();

  @WithDefault("200000")
  int journalMaxEntries();

  /**
   * How far the simulated Graph's clock runs ahead of this machine's (negative: behind): every time
   * it stamps and every {@code Date} header it sends, so that clients are tested against skew.
   */
  @WithDefault("0s")
  Duration clockOffset();

  interface Http {
    /** HTTPS port; 0 picks a free one (tests). */
    @WithDefault("8090")
    int port();

    @WithDefault("localhost")
    String host();

    /**
     * Optional plain HTTP port serving the same routes (readiness probes, curl); off by default.
     */
    OptionalInt plainPort();

    /** Path prefix of the Graph API, like graph.microsoft.com/v1.0. */
    @WithDefault("/v1.0")
    String graphBasePath();
  }

  interface Tls {
    /** PKCS12 key store to serve HTTPS with; a self-signed localhost certificate when absent. */
    Optional<String> keyStore();

    Optional<String> keyStorePassword();

    /** Where the PKCS12 trust store holding the served certificate is written for clients. */
    @WithDefault(".cordon-local/graph-simulator/truststore.p12")
    String trustStoreOut();

    @WithDefault("cordon-sim")
    String trustStorePassword();
  }

  interface Tenant {
    @WithDefault("6f1d7a4e-2b3c-4d5e-8f90-a1b2c3d4e5f6")
    String id();

    @WithDefault("jaxa-demo.example")
    String domain();

    /** More verified domains Graph lists at /domains. */
    Optional<List<String>> extraDomains();
  }

  /** One more tenant; unset credential and roles are the default tenant's ({@link #auth()}). */
  interface ExtraTenant {
    String id();

    /** The tenant's primary verified domain (UPNs of a generated directory end in it). */
    String domain();

    /** More verified domains Graph lists at /domains. */
    Optional<List<String>> extraDomains();

    Optional<String> clientId();

    Optional<String> clientSecret();

    /** JSON or YAML seed file; else {@link #generateUsers()} users are generated. */
    Optional<String> seedFile();

    @WithDefault("40")
    int generateUsers();
  }

  interface Auth {
    @WithDefault("0c4f8e2a-7b1d-4e3f-9a6b-5c2d1e0f3a4b")
    String clientId();

    @WithDefault("cordon-local-secret")
    String clientSecret();

    /** Application permissions in the token's roles claim; default: all account-service needs. */
    @WithDefault(
        "User.Read.All,Directory.Read.All,User.RevokeSessions.All,User-PasswordProfile.ReadWrite.All,"
            + "User.EnableDisableAccount.All,IdentityRiskyUser.ReadWrite.All,"
            + "DelegatedPermissionGrant.ReadWrite.All,MailboxSettings.ReadWrite,"
            + "UserAuthenticationMethod.ReadWrite.All,RoleManagement.ReadWrite.Directory,"
            + "GroupMember.ReadWrite.All,Mail.ReadBasic.All,"
            + "Application.ReadWrite.All,AppRoleAssignment.ReadWrite.All,Device.ReadWrite.All")
    List<String> roles();

    /**
     * Directory roles assigned to the app's service principal (built-in role names; {@code none}
     * for none): Graph lets an app reset or disable an administrator only with Privileged
     * Authentication Administrator or Global Administrator, and enable or disable devices only with
     * Cloud Device Administrator, Intune Administrator or Global Administrator.
     */
    @WithDefault("Privileged Authentication Administrator,Cloud Device Administrator")
    List<String> directoryRoles();

    @WithDefault("1h")
    Duration tokenLifetime();

    /** Accept a client_assertion (certificate credential) without verifying its signature. */
    @WithDefault("true")
    boolean acceptClientAssertion();
  }

  interface Seed {
    /** JSON or YAML seed file (see README); the built-in demo tenant when absent. */
    Optional<String> file();

    /** Generate a synthetic tenant of this many users instead (benchmarks). */
    OptionalInt generateUsers();

    OptionalLong randomSeed();
  }

  interface Throttle {
    @WithDefault("true")
    boolean enabled();

    /** small | medium | large | auto (by user count: under 50, 50-500, above 500). */
    @WithDefault("auto")
    String tenantSize();

    /** Multiplies every budget (benchmarks). */
    @WithDefault("1.0")
    double scale();

    /** Multiplies every window length (compresses time in tests). */
    @WithDefault("1.0")
    double windowScale();

    @WithDefault("3000")
    int writesPer150s();

    @WithDefault("1")
    int identityProtectionPerSecond();

    /** Outlook: requests per app per mailbox per 10 minutes. */
    @WithDefault("10000")
    int mailboxRequestsPer10Minutes();
  }

  interface Faults {
    @WithDefault("0ms")
    Duration latency();

    @WithDefault("0ms")
    Duration jitter();

    @WithDefault("0")
    double unavailableProbability();

    @WithDefault("0")
    double internalErrorProbability();

    @WithDefault("0")
    double throttleProbability();

    @WithDefault("2")
    int throttleRetryAfterSeconds();

    @WithDefault("0")
    double timeoutProbability();

    /** How long a "timed out" request is held before its connection is closed. */
    @WithDefault("120s")
    Duration timeoutHold();

    @WithDefault("0")
    double dropProbability();

    /** Whether 5xx and 429 faults also hit requests inside a $batch (one draw per request). */
    @WithDefault("true")
    boolean applyToBatchItems();
  }
}
