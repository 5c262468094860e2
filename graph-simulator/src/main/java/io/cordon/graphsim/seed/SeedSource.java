package io.cordon.graphsim.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cordon.graphsim.config.SimConfig;
import io.cordon.graphsim.model.SeedFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** The tenant to start from: a seed file, a generated tenant of N users, or the demo tenant. */
@ApplicationScoped
public class SeedSource {
  private static final Logger LOG = Logger.getLogger(SeedSource.class);

  @Inject SimConfig config;
  @Inject ObjectMapper json;

  public SeedFile load() {
    SimConfig.Seed seed = config.seed();
    SeedFile loaded;
    if (seed.file().isPresent()) {
      loaded = read(Path.of(seed.file().get()));
    } else if (seed.generateUsers().isPresent()) {
      loaded =
          TenantGenerator.generate(
              seed.generateUsers().getAsInt(),
              seed.randomSeed().orElse(TenantGenerator.DEMO_RANDOM_SEED),
              config.tenant().domain(),
              config.tenant().id(),
              false);
    } else {
      loaded = TenantGenerator.demo(config.tenant().id());
    }
    LOG.infof(
        "graph-simulator tenant: %d users, %d groups, %d directory roles",
        loaded.users().size(), loaded.groups().size(), loaded.directoryRoles().size());
    return loaded;
  }

  /**
   * A further tenant's directory: its seed file, else a generated one of its size whose ids differ
   * from every other tenant's (they derive from the domain).
   */
  public SeedFile load(String name, SimConfig.ExtraTenant tenant) {
    SeedFile loaded =
        tenant.seedFile().isPresent()
            ? read(Path.of(tenant.seedFile().get()))
            : TenantGenerator.generate(
                tenant.generateUsers(),
                TenantGenerator.DEMO_RANDOM_SEED,
                tenant.domain(),
                tenant.id(),
                false);
    LOG.infof("graph-simulator tenant %s: %d users", name, loaded.users().size());
    return loaded;
  }

  private SeedFile read(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    ObjectMapper reader =
        name.endsWith(".yaml") || name.endsWith(".yml")
            ? new ObjectMapper(new YAMLFactory())
            : json;
    try {
      return reader.readValue(Files.readAllBytes(file), SeedFile.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read sim.seed.file " + file, e);
    }
  }
}
