package io.cordon.cli.command;

import io.cordon.cli.client.Query;
import picocli.CommandLine.Option;

/** One page of a collection; the table ends with the cursor of the next one. */
final class PageOptions {
  @Option(names = "--limit", paramLabel = "N", description = "items per page, 1-1000 (default 100)")
  Integer limit;

  @Option(names = "--cursor", paramLabel = "CURSOR", description = "the page after a previous list")
  String cursor;

  Query apply(Query query) {
    return query.with("limit", limit).with("cursor", cursor);
  }
}
