package io.cordon.notification.rest.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

public class CheckedTextValidator implements ConstraintValidator<Checked, String> {
  private InputRule rule;

  @Override
  public void initialize(Checked annotation) {
    rule = annotation.value();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    Optional<String> problem = rule.problem(value);
    problem.ifPresent(
        reason -> {
          context.disableDefaultConstraintViolation();
          context
              .buildConstraintViolationWithTemplate(Templates.literal(reason))
              .addConstraintViolation();
        });
    return problem.isEmpty();
  }
}
