package io.cordon.cli.command;

import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar's manifest (a development build has none). */
public final class CordonVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = CordonVersion.class.getPackage().getImplementationVersion();
    return new String[] {"cordon " + (version == null ? "(development build)" : version)};
  }
}
