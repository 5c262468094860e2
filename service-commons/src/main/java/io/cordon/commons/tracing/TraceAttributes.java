package io.cordon.commons.tracing;

import io.opentelemetry.api.common.AttributeKey;

/** Span attribute names every service uses, so one query finds an account or a run anywhere. */
public final class TraceAttributes {
  public static final AttributeKey<String> OBJECT_ID =
      AttributeKey.stringKey("cordon.account.object_id");
  public static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("cordon.run.id");
  public static final AttributeKey<String> ACTION = AttributeKey.stringKey("cordon.action");

  /** Only with {@code cordon.tracing.include-upn=true}: a UPN is personal data. */
  public static final AttributeKey<String> UPN = AttributeKey.stringKey("cordon.account.upn");

  private TraceAttributes() {}
}
