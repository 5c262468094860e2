package io.cordon.playbook.model;

/** The two ways a playbook is written: YAML for people, JSON for tools. */
public enum DocumentFormat {
  JSON,
  YAML
}
