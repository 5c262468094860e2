package io.cordon.cli.render;

/** Tables for people, the services' JSON as it came for scripts. */
public enum OutputFormat {
  TABLE,
  JSON
}
