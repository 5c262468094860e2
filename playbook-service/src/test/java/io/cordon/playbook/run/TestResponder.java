package io.cordon.playbook.run;

import io.cordon.contracts.ActionOutcome;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.Topics;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.events.EventIds;
import io.cordon.contracts.json.EventJson;
import io.cordon.contracts.signing.ActionVerifier;
import io.cordon.contracts.signing.SigningKeys;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.KafkaTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays account-service: reads ActionRequested from {@code cordon.account-actions} and answers
 * ActionCompleted the way account-service would (event id derived from the action id, so a repeat
 * is the same event). Only actions for accounts whose object id starts with the given prefix are
 * touched, so tests sharing the broker do not answer each other's runs. Like account-service, it
 * ignores a request that does not carry a valid signature of the test signing key, so every run
 * test also shows that playbook-service signs what it dispatches.
 */
final class TestResponder implements AutoCloseable {
  private static final ActionVerifier VERIFIER =
      new ActionVerifier(
          Map.of(
              "cordon-test",
              SigningKeys.readPublic(
                  Path.of("src/test/resources/action-signing/cordon-test.pem"))));

  /** What to answer; null holds the request unanswered. */
  record Answer(ActionOutcome outcome, ReasonCode reason, String message) {
    static Answer succeeded() {
      return new Answer(ActionOutcome.SUCCEEDED, ReasonCode.OK, null);
    }
  }

  /** A request as it arrived. */
  record Received(ActionRequested request, String eventId, Instant at) {}

  private final String accountPrefix;
  private final KafkaConsumer<String, String> consumer;
  private final KafkaProducer<String, String> producer;
  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private final Function<ActionRequested, Answer> rule;
  private final boolean durable;
  private volatile boolean running = true;

  private TestResponder(
      String accountPrefix, Function<ActionRequested, Answer> rule, String groupId) {
    this.accountPrefix = accountPrefix;
    this.rule = rule;
    this.durable = groupId != null;
    String bootstrap = EmbeddedKafkaResource.bootstrapServers();
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrap);
    config.put("enable.auto.commit", false);
    if (groupId != null) {
      config.put("group.id", groupId);
    }
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 5),
            new StringSerializer(),
            new StringSerializer());
    try (KafkaTestClient admin = new KafkaTestClient(bootstrap)) {
      admin.createTopics(Topics.ACCOUNT_ACTIONS, Topics.ACCOUNT_ACTION_RESULTS);
    }
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info :
        consumer.partitionsFor(Topics.ACCOUNT_ACTIONS, Duration.ofSeconds(30))) {
      partitions.add(new TopicPartition(Topics.ACCOUNT_ACTIONS, info.partition()));
    }
    if (partitions.isEmpty()) {
      throw new IllegalStateException(Topics.ACCOUNT_ACTIONS + " has no partitions");
    }
    consumer.assign(partitions);
    Map<TopicPartition, OffsetAndMetadata> committed =
        durable ? consumer.committed(Set.copyOf(partitions)) : Map.of();
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = committed.get(partition);
      if (offset == null) {
        // requests of earlier tests are history; position now, before the test starts its run
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition);
      } else {
        consumer.seek(partition, offset);
      }
    }
    if (durable) {
      consumer.commitSync();
    }
    thread = new Thread(this::loop, "test-responder-" + accountPrefix);
    thread.setDaemon(true);
    thread.start();
  }

  static TestResponder start(String accountPrefix, Function<ActionRequested, Answer> rule) {
    return new TestResponder(accountPrefix, rule, null);
  }

  /**
   * A responder that remembers where it stopped reading (offsets committed under {@code groupId}),
   * so a later one continues there: account-service keeps working while playbook-service restarts.
   */
  static TestResponder durable(
      String groupId, String accountPrefix, Function<ActionRequested, Answer> rule) {
    return new TestResponder(accountPrefix, rule, groupId);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  List<ActionRequested> requests() {
    return received.stream().map(Received::request).toList();
  }

  /** How many ActionRequested events arrived per action id. */
  Map<String, Long> requestsPerActionId() {
    return received.stream()
        .collect(Collectors.groupingBy(r -> r.request().actionId(), Collectors.counting()));
  }

  /** Sends an outcome for a request, as account-service would. */
  void answer(ActionRequested request, Answer answer) {
    producer.send(
        new ProducerRecord<>(
            Topics.ACCOUNT_ACTION_RESULTS,
            request.account().objectId(),
            EventJson.write(completed(request, answer))));
    producer.flush();
  }

  static ActionCompleted completed(ActionRequested request, Answer answer) {
    return new ActionCompleted(
        ActionCompleted.SCHEMA_VERSION,
        EventIds.derived("action-completed", request.actionId()),
        request.actionId(),
        request.runId(),
        request.stepId(),
        request.account(),
        request.action(),
        answer.outcome(),
        answer.reason(),
        answer.message(),
        "graph-" + request.actionId().substring(0, 8),
        1,
        Instant.now());
  }

  private void loop() {
    while (running) {
      boolean sent = false;
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
        ActionRequested request = EventJson.read(record.value(), ActionRequested.class);
        if (!request.account().objectId().startsWith(accountPrefix)) {
          continue;
        }
        if (VERIFIER.verify(request) != ActionVerifier.Verdict.VALID) {
          System.err.println("TestResponder: unverified ActionRequested " + request.actionId());
          continue;
        }
        received.add(new Received(request, request.eventId(), Instant.now()));
        Answer answer = rule.apply(request);
        if (answer != null) {
          producer.send(
              new ProducerRecord<>(
                  Topics.ACCOUNT_ACTION_RESULTS,
                  request.account().objectId(),
                  EventJson.write(completed(request, answer))));
          sent = true;
        }
      }
      if (sent) {
        producer.flush();
      }
      if (durable) {
        // answered before committed: a request is never skipped, at worst answered twice
        consumer.commitSync();
      }
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close();
    producer.close(Duration.ofSeconds(5));
  }
}
