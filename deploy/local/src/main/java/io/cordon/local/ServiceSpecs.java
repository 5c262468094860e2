package io.cordon.local;

import io.cordon.local.ManagedProcess.ProcessSpec;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each process of the stack is started: only the documented operator keys (DESIGN §10), the
 * same way a production deployment configures the jars. Nothing here is local-only code in the
 * services themselves.
 */
final class ServiceSpecs {
  static final String SIMULATOR_TENANT = "9a3f6c2e-5b1d-4e7a-8c0f-3d2b1a0e9f77";
  static final String SIMULATOR_CLIENT_ID = "cordon-local-app";

  /**
   * Where the services listen: loopback only. A jar in the prod profile would otherwise bind
   * 0.0.0.0, and the local stack's dev sign-in hands any caller an admin token.
   */
  static final String BIND_HOST = "127.0.0.1";

  private static final String ANCHOR_KEY = "CORDON_AUDIT_ANCHOR_KEY";

  private final StackOptions options;
  private final LocalTls tls;
  private final DevTokens tokens;
  private final String postgresHost;
  private final String kafkaBootstrap;
  private final ActionSigningKeys actionSigning;
  // generated per start, handed over in the environment: never a file, never a -D option
  private final String graphClientSecret = randomBase64(24);
  private final String notificationEncryptionKey = randomBase64(32);
  private final String passSealKey = randomBase64(32);
  // signs each service's audit anchors; a new stack start cannot vouch for an older start's anchors
  private final Map<String, String> auditAnchorKeys =
      Map.of(
          "account-service", randomBase64(32),
          "playbook-service", randomBase64(32),
          "notification-service", randomBase64(32));

  ServiceSpecs(
      StackOptions options,
      LocalTls tls,
      DevTokens tokens,
      String postgresHost,
      String kafkaBootstrap) {
    this.options = options;
    this.tls = tls;
    this.tokens = tokens;
    this.postgresHost = postgresHost;
    this.kafkaBootstrap = kafkaBootstrap;
    this.actionSigning = ActionSigningKeys.create(options.workDirectory().resolve("keys"));
  }

  /**
   * The three services' JVM, sized for what they hold (docs/benchmarks.md, "Memory" and "The
   * services on C1"): the serial collector, which the JVM itself picks in a container of under 2
   * CPUs or 1.75 GiB; a heap that starts small and whose old generation is kept within 10–40 % free
   * (the live heap stays under 100 MiB); a young generation large enough that short-lived objects
   * die young (without it, the tight heap cost the engine a sixth of its throughput in collections
   * of the old generation). C1 only: on two cores C2 spent more CPU compiling Quarkus, Hibernate
   * and Kafka than its code saved within an incident's hours, and its code and arenas took some 80
   * MiB.
   */
  static final List<String> SERVICE_JVM =
      List.of(
          "-XX:+UseSerialGC",
          "-Xms32m",
          "-Xmx384m",
          "-Xmn64m",
          "-XX:MinHeapFreeRatio=10",
          "-XX:MaxHeapFreeRatio=40",
          "-XX:TieredStopAtLevel=1");

  /** glibc's malloc keeps an arena per thread otherwise, which the JVM's many threads inflate. */
  private static Map<String, String> serviceEnvironment(String... secrets) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("MALLOC_ARENA_MAX", "2");
    for (int i = 0; i < secrets.length; i += 2) {
      environment.put(secrets[i], secrets[i + 1]);
    }
    return environment;
  }

  ProcessSpec simulator() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("sim.http.port", Integer.toString(options.ports().simulator()));
    props.put("sim.tls.key-store", tls.keyStore().toString());
    props.put("sim.tls.key-store-password", LocalTls.PASSWORD);
    props.put(
        "sim.tls.trust-store-out",
        options.workDirectory().resolve("tls/simulator-truststore.p12").toString());
    props.put("sim.tenant.id", SIMULATOR_TENANT);
    props.put("sim.auth.client-id", SIMULATOR_CLIENT_ID);
    props.put("quarkus.http.port", "0");
    props.put("quarkus.http.host", BIND_HOST);
    if (options.generatedUsers() > 0) {
      props.put("sim.seed.generate-users", Integer.toString(options.generatedUsers()));
    }
    return new ProcessSpec(
        "graph-simulator",
        jar("graph-simulator"),
        props,
        Map.of("SIM_AUTH_CLIENT_SECRET", graphClientSecret),
        log("graph-simulator"),
        List.of("-Xmx512m"));
  }

  ProcessSpec accountService() {
    Map<String, String> props = common("account-service", "cordon_account");
    String simulator = "https://localhost:" + options.ports().simulator();
    props.put("cordon.graph.base-url", simulator + "/v1.0");
    props.put("cordon.graph.authority-host", simulator);
    props.put("cordon.graph.tenant-id", SIMULATOR_TENANT);
    props.put("cordon.graph.client-id", SIMULATOR_CLIENT_ID);
    props.put("cordon.graph.trust-store", tls.trustStore().toString());
    props.put("cordon.graph.trust-store-password", LocalTls.PASSWORD);
    // the demo tenant (400 users) is in Entra's medium tier; the simulator throttles by that
    props.put("cordon.graph.tenant-size", "medium");
    // runs only ActionRequested signed with playbook-service's key of this start
    props.put(
        "cordon.action-signing.public-key-folder", actionSigning.publicKeyFolder().toString());
    return new ProcessSpec(
        "account-service",
        jar("account-service"),
        props,
        serviceEnvironment(
            "CORDON_GRAPH_CLIENT_SECRET",
            graphClientSecret,
            "CORDON_TEMPORARY_ACCESS_PASS_SEAL_KEY",
            passSealKey,
            ANCHOR_KEY,
            auditAnchorKeys.get("account-service")),
        log("account-service"),
        SERVICE_JVM);
  }

  ProcessSpec playbookService() {
    Map<String, String> props = common("playbook-service", "cordon_playbook");
    // the dashboard's dev sign-in signs with this start's key; production uses OIDC instead
    props.put("cordon.dashboard.dev-sign-in.enabled", "true");
    // the prod-profile jar refuses dev sign-in without this flag, which only this launcher sets
    props.put("cordon.dashboard.dev-sign-in.local-stack", "true");
    props.put("smallrye.jwt.sign.key.location", tokens.privateKeyPem().toUri().toString());
    props.put("cordon.action-signing.key-id", actionSigning.keyId());
    props.put("cordon.action-signing.key-file", actionSigning.privateKey().toString());
    props.put(
        "cordon.dashboard.notifications-url", "http://localhost:" + options.ports().notification());
    props.put(
        "quarkus.rest-client.account-service.url", "http://localhost:" + options.ports().account());
    props.put(
        "quarkus.rest-client.notification-service.url",
        "http://localhost:" + options.ports().notification());
    return new ProcessSpec(
        "playbook-service",
        jar("playbook-service"),
        props,
        serviceEnvironment(ANCHOR_KEY, auditAnchorKeys.get("playbook-service")),
        log("playbook-service"),
        SERVICE_JVM);
  }

  ProcessSpec notificationService() {
    Map<String, String> props = common("notification-service", "cordon_notification");
    props.put("cordon.notification.allow-private-targets", "true");
    props.put("quarkus.http.cors.origins", "http://localhost:" + options.ports().playbook());
    props.put("cordon.notification.webhook.trust-store", tls.trustStore().toString());
    props.put("cordon.notification.webhook.trust-store-password", LocalTls.PASSWORD);
    return new ProcessSpec(
        "notification-service",
        jar("notification-service"),
        props,
        serviceEnvironment(
            "CORDON_NOTIFICATION_SECRET_ENCRYPTION_KEY",
            notificationEncryptionKey,
            ANCHOR_KEY,
            auditAnchorKeys.get("notification-service")),
        log("notification-service"),
        SERVICE_JVM);
  }

  private Map<String, String> common(String service, String database) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("quarkus.http.port", Integer.toString(port(service)));
    props.put("quarkus.http.host", BIND_HOST);
    props.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + postgresHost + "/" + database);
    props.put("quarkus.datasource.username", "postgres");
    props.put("quarkus.datasource.password", "postgres");
    props.put("kafka.bootstrap.servers", kafkaBootstrap);
    props.put("mp.jwt.verify.publickey.location", tokens.publicKeyPem().toUri().toString());
    props.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
    props.put("mp.jwt.verify.audiences", DevTokens.AUDIENCE);
    // the prod-profile jars refuse to trust the local issuer without this flag, set here only
    props.put("cordon.security.token.local-stack", "true");
    props.put("quarkus.log.console.color", "false");
    // off in production (the jars' default); on loopback it is the local stack's API console
    props.put("quarkus.swagger-ui.enable", "true");
    return props;
  }

  int port(String service) {
    return switch (service) {
      case "account-service" -> options.ports().account();
      case "playbook-service" -> options.ports().playbook();
      case "notification-service" -> options.ports().notification();
      case "graph-simulator" -> options.ports().simulator();
      default -> throw new IllegalArgumentException(service);
    };
  }

  private Path jar(String module) {
    return options.repositoryRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
  }

  private Path log(String name) {
    return options.logs().resolve(name + ".log");
  }

  private static String randomBase64(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return Base64.getEncoder().encodeToString(random);
  }
}
