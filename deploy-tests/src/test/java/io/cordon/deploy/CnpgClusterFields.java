package io.cordon.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudNativePG publishes no Java model, so the fields of a {@code Cluster} the overlays may use
 * are listed here from its API reference (postgresql.cnpg.io/v1 ClusterSpec, AffinityConfiguration,
 * BootstrapInitDB): a misspelt field is reported instead of being pruned by the API server.
 */
final class CnpgClusterFields {
  static final Set<String> SPEC =
      Set.of(
          "description",
          "inheritedMetadata",
          "imageName",
          "imageCatalogRef",
          "imagePullPolicy",
          "schedulerName",
          "postgresUID",
          "postgresGID",
          "instances",
          "minSyncReplicas",
          "maxSyncReplicas",
          "postgresql",
          "replicationSlots",
          "bootstrap",
          "replica",
          "superuserSecret",
          "enableSuperuserAccess",
          "certificates",
          "imagePullSecrets",
          "storage",
          "serviceAccountTemplate",
          "walStorage",
          "ephemeralVolumeSource",
          "startDelay",
          "stopDelay",
          "smartShutdownTimeout",
          "switchoverDelay",
          "failoverDelay",
          "livenessProbeTimeout",
          "affinity",
          "topologySpreadConstraints",
          "resources",
          "ephemeralVolumesSizeLimit",
          "priorityClassName",
          "primaryUpdateStrategy",
          "primaryUpdateMethod",
          "backup",
          "nodeMaintenanceWindow",
          "monitoring",
          "externalClusters",
          "logLevel",
          "projectedVolumeTemplate",
          "env",
          "envFrom",
          "managed",
          "seccompProfile",
          "tablespaces",
          "enablePDB",
          "plugins",
          "probes",
          "podSecurityContext",
          "securityContext");

  static final Set<String> AFFINITY =
      Set.of(
          "enablePodAntiAffinity",
          "topologyKey",
          "nodeSelector",
          "nodeAffinity",
          "tolerations",
          "podAntiAffinityType",
          "additionalPodAntiAffinity",
          "additionalPodAffinity");

  static final Set<String> INITDB =
      Set.of(
          "database",
          "owner",
          "secret",
          "options",
          "dataChecksums",
          "encoding",
          "localeCollate",
          "localeCType",
          "locale",
          "localeProvider",
          "icuLocale",
          "icuRules",
          "builtinLocale",
          "walSegmentSize",
          "postInitSQL",
          "postInitApplicationSQL",
          "postInitTemplateSQL",
          "import",
          "postInitApplicationSQLRefs",
          "postInitTemplateSQLRefs",
          "postInitSQLRefs");

  static final Set<String> STORAGE =
      Set.of("storageClass", "size", "resizeInUseVolumes", "pvcTemplate");

  private CnpgClusterFields() {}

  /** The dotted paths of fields no CNPG Cluster has. */
  static List<String> unknown(Map<String, Object> cluster) {
    List<String> unknown = new ArrayList<>();
    check(Node.map(cluster, "spec"), SPEC, "spec", unknown);
    check(Node.map(cluster, "spec.affinity"), AFFINITY, "spec.affinity", unknown);
    check(Node.map(cluster, "spec.bootstrap.initdb"), INITDB, "spec.bootstrap.initdb", unknown);
    check(Node.map(cluster, "spec.storage"), STORAGE, "spec.storage", unknown);
    for (String key : Node.map(cluster, "spec.bootstrap").keySet()) {
      if (!Set.of("initdb", "recovery", "pg_basebackup").contains(key)) {
        unknown.add("spec.bootstrap." + key);
      }
    }
    return unknown;
  }

  private static void check(
      Map<String, Object> node, Set<String> known, String path, List<String> unknown) {
    node.keySet().stream()
        .filter(k -> !known.contains(k))
        .forEach(k -> unknown.add(path + "." + k));
  }
}
