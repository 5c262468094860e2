package io.cordon.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rendered overlay must satisfy besides the rules every overlay shares.
 *
 * @param namespace where every resource lands
 * @param serviceReplicas replicas of each service Deployment
 * @param kafkaReplicas Kafka broker nodes and replicas of every topic
 * @param minInsyncReplicas min.insync.replicas of the brokers and every topic
 * @param postgresInstances instances of every CloudNativePG cluster
 * @param highAvailability whether PDBs and required pod anti-affinity must be present
 * @param topics every topic in contracts
 * @param requiredConfig per service (= Deployment name): the config keys production must provide
 * @param documentation deploy/kubernetes/README.md: every Secret the operator creates is named
 *     there
 * @param kafkaAccess per service (= Deployment name): what it reads, consumes as and writes on the
 *     bus, which its KafkaUser must allow and nothing more
 */
record Expectations(
    String namespace,
    int serviceReplicas,
    int kafkaReplicas,
    int minInsyncReplicas,
    int postgresInstances,
    boolean highAvailability,
    List<String> topics,
    Map<String, Set<String>> requiredConfig,
    String documentation,
    Map<String, KafkaAccess> kafkaAccess) {}
