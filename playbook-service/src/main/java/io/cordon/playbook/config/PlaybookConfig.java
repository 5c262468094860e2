package io.cordon.playbook.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "cordon.playbook")
public interface PlaybookConfig {

  /** The playbook a run uses when its compromise report names none. */
  @WithName("default")
  @WithDefault("contain-compromised-account")
  String defaultPlaybook();

  /** The largest playbook document accepted by PUT/POST; larger ones are answered with 413. */
  @WithDefault("256K")
  MemorySize maxDocumentSize();
}
