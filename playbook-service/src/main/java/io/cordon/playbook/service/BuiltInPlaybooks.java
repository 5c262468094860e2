package io.cordon.playbook.service;

import io.cordon.playbook.config.PlaybookConfig;
import io.cordon.playbook.model.DocumentFormat;
import io.cordon.playbook.model.Playbook;
import io.cordon.playbook.repository.PlaybookStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Installs the playbooks that ship with the service ({@code playbooks/<name>.yaml}) at start-up.
 * Idempotent: an unchanged shipped playbook makes no new version, and one an admin has edited is
 * left as the admin wrote it.
 */
@ApplicationScoped
public class BuiltInPlaybooks {
  public static final List<String> NAMES =
      List.of("contain-compromised-account", "revoke-only", "recover-account", "release-account");

  private static final Logger LOG = Logger.getLogger(BuiltInPlaybooks.class);

  @Inject PlaybookDocuments documents;
  @Inject PlaybookVersioning versioning;
  @Inject PlaybookStore store;
  @Inject PlaybookConfig config;

  void onStart(@Observes StartupEvent event) {
    installAll();
    if (!store.exists(config.defaultPlaybook())) {
      LOG.warnf(
          "cordon.playbook.default names %s, which does not exist yet: upload it with PUT"
              + " /api/v1/playbooks/%s before reports arrive without a playbook",
          config.defaultPlaybook(), config.defaultPlaybook());
    }
  }

  /** Installs every shipped playbook; answers what happened to each, by name. */
  public Map<String, SaveOutcome> installAll() {
    Map<String, SaveOutcome> outcomes = new LinkedHashMap<>();
    for (String name : NAMES) {
      outcomes.put(name, install(shipped(name)));
    }
    return outcomes;
  }

  /** Installs one shipped playbook document, YAML as it is in the resources. */
  public SaveOutcome install(String yaml) {
    Playbook playbook = documents.read(yaml, DocumentFormat.YAML, null);
    SaveOutcome outcome = versioning.installBuiltIn(playbook);
    switch (outcome.change()) {
      case NEW_VERSION ->
          LOG.infof(
              "Installed built-in playbook %s version %d",
              playbook.name(), outcome.playbook().version());
      case KEPT_CUSTOMISED ->
          LOG.infof(
              "Built-in playbook %s differs from version %d, which an admin wrote; keeping it",
              playbook.name(), outcome.playbook().version());
      case UNCHANGED -> LOG.debugf("Built-in playbook %s is up to date", playbook.name());
    }
    return outcome;
  }

  static String shipped(String name) {
    String path = "playbooks/" + name + ".yaml";
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Built-in playbook resource missing: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
