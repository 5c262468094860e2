package io.cordon.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event record component that may be absent from the JSON payload. Its accessor then
 * returns {@code null}, or an empty collection for collection types. Every component without this
 * mark is required and listed in the event's JSON Schema {@code required}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OptionalField {}
