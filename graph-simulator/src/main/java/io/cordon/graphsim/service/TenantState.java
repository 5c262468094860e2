package io.cordon.graphsim.service;

import io.cordon.graphsim.config.SimConfig;
import io.cordon.graphsim.model.SeedFile;
import io.cordon.graphsim.seed.SeedSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;

/** Holds the live directory and serialises every read and change of it (one lock, short holds). */
@ApplicationScoped
public class TenantState {
  @Inject SimConfig config;
  @Inject SeedSource seedSource;

  private SeedFile seed;
  private Directory directory;

  @PostConstruct
  void load() {
    seed = seedSource.load();
    directory = new Directory(seed, config.tenant().id(), config.tenant().domain());
  }

  public synchronized <T> T apply(Function<Directory, T> work) {
    return work.apply(directory);
  }

  /** Back to the seed: every change since start (or the last reset) is forgotten. */
  public synchronized void reset() {
    directory = new Directory(seed, config.tenant().id(), config.tenant().domain());
  }

  public SeedFile seed() {
    return seed;
  }

  public synchronized String tenantId() {
    return directory.tenantId;
  }

  public synchronized String domain() {
    return directory.domain;
  }

  public synchronized int userCount() {
    return directory.userCount();
  }
}
