package io.cordon.commons.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;

/** A span made current for a unit of work; closing it ends the span and restores the context. */
public final class TracedWork implements AutoCloseable {
  private final Span span;
  private final Scope scope;

  TracedWork(Span span, Scope scope) {
    this.span = span;
    this.scope = scope;
  }

  public Span span() {
    return span;
  }

  @Override
  public void close() {
    scope.close();
    span.end();
  }
}
