package io.cordon.cli.config;

import java.net.URI;

/** Where the three services answer. */
public record Endpoints(URI account, URI playbook, URI notification) {
  /** The local stack (deploy/local) binds every service to 127.0.0.1. */
  public static final Endpoints LOCAL_STACK =
      new Endpoints(
          URI.create("http://127.0.0.1:8081"),
          URI.create("http://127.0.0.1:8082"),
          URI.create("http://127.0.0.1:8083"));
}
