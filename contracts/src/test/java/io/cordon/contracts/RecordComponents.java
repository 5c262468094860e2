package io.cordon.contracts;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/** Reads the contract off the records themselves, so tests follow the code they check. */
public final class RecordComponents {

  private RecordComponents() {}

  public static List<String> all(Class<?> recordType) {
    return Arrays.stream(recordType.getRecordComponents()).map(RecordComponent::getName).toList();
  }

  public static List<String> required(Class<?> recordType) {
    return Arrays.stream(recordType.getRecordComponents())
        .filter(component -> !component.isAnnotationPresent(OptionalField.class))
        .map(RecordComponent::getName)
        .toList();
  }

  public static List<String> optional(Class<?> recordType) {
    return Arrays.stream(recordType.getRecordComponents())
        .filter(component -> component.isAnnotationPresent(OptionalField.class))
        .map(RecordComponent::getName)
        .toList();
  }
}
