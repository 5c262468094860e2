package io.cordon.embedded;

import io.cordon.contracts.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.commons.io.FileUtils;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jboss.logging.Logger;

/**
 * A combined broker+controller KRaft node running inside this JVM (a test's, the local stack's).
 */
final class EmbeddedKafkaBroker implements KafkaBrokerControl {

  private static final Logger LOG = Logger.getLogger(EmbeddedKafkaBroker.class);

  private final String bootstrapServers;
  private final int defaultPartitions;
  private final Properties properties;
  private final Path logDir;
  private final boolean temporary;
  private KafkaRaftServer server;

  private EmbeddedKafkaBroker(
      String bootstrapServers,
      int defaultPartitions,
      Properties properties,
      Path logDir,
      boolean temporary) {
    this.bootstrapServers = bootstrapServers;
    this.defaultPartitions = defaultPartitions;
    this.properties = properties;
    this.logDir = logDir;
    this.temporary = temporary;
  }

  static EmbeddedKafkaBroker startNew(int defaultPartitions) {
    return startNew(defaultPartitions, 0);
  }

  /** Listening on {@code port}, or on a free port when it is 0; log in a temporary directory. */
  static EmbeddedKafkaBroker startNew(int defaultPartitions, int port) {
    try {
      return start(defaultPartitions, port, Files.createTempDirectory("cordon-kafka-"), true);
    } catch (IOException e) {
      throw new UncheckedIOException("In-process Kafka broker did not start", e);
    }
  }

  /**
   * Listening on {@code port} (0: a free one) with its log in {@code logDir}, formatted if new. The
   * directory is the caller's: it stays when the JVM exits.
   */
  static EmbeddedKafkaBroker startNew(int defaultPartitions, int port, Path logDir) {
    return start(defaultPartitions, port, logDir, false);
  }

  private static EmbeddedKafkaBroker start(
      int defaultPartitions, int port, Path logDir, boolean temporary) {
    BrokerLogging.quiet();
    long startedAt = System.nanoTime();
    try {
      Files.createDirectories(logDir);
      int brokerPort = port == 0 ? FreePorts.find() : port;
      Properties properties =
          EmbeddedKafkaConfig.combinedNode(logDir, brokerPort, FreePorts.find(), defaultPartitions);
      format(logDir, properties);
      EmbeddedKafkaBroker broker =
          new EmbeddedKafkaBroker(
              "localhost:" + brokerPort, defaultPartitions, properties, logDir, temporary);
      broker.start();
      broker.createContractTopics();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(broker::shutdown, "cordon-kafka-broker-stop"));
      LOG.infof(
          "Embedded Kafka broker ready on localhost:%d in %d ms",
          brokerPort, (System.nanoTime() - startedAt) / 1_000_000);
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("In-process Kafka broker did not start", e);
    }
  }

  // StorageTool reads its configuration from a file and reports failure by return code
  private static void format(Path logDir, Properties properties) throws IOException {
    Path configFile = logDir.resolveSibling(logDir.getFileName() + ".properties");
    try (OutputStream out = Files.newOutputStream(configFile)) {
      properties.store(out, "cordon embedded broker");
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    String[] args = {
      "format",
      "-t",
      Uuid.randomUuid().toString(),
      "-c",
      configFile.toString(),
      "--ignore-formatted"
    };
    int exitCode = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
    Files.deleteIfExists(configFile);
    if (exitCode != 0) {
      throw new IllegalStateException(
          "Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null;
  }

  /** Stops the broker; its ports close and its log stays, for {@link #start()}. */
  @Override
  public synchronized void stop() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }

  /** (Re)starts the broker on the same ports and log directory. */
  @Override
  public synchronized void start() {
    if (server == null) {
      server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
      server.startup();
    }
  }

  /**
   * Creates the topics of the contracts before anyone produces. An idempotent producer whose first
   * pipelined burst races the auto-creation of its topic can have an early request refused
   * (NOT_LEADER_OR_FOLLOWER) while a later one is appended; the early one then fails with
   * OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery timeout (KAFKA-15591). Deployments create their
   * topics up front with auto-creation off; the in-process broker does the same for these.
   */
  private void createContractTopics() {
    KafkaTopics.createMissing(
        bootstrapServers, defaultPartitions, Topics.ALL.toArray(String[]::new));
  }

  private void shutdown() {
    stop();
    if (temporary) {
      FileUtils.deleteQuietly(logDir.toFile());
    }
  }

  @Override
  public String getBootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public int getDefaultPartitions() {
    return defaultPartitions;
  }
}
