package io.cordon.notification.rest.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import java.util.Optional;

public class CheckedListValidator implements ConstraintValidator<Checked, List<String>> {
  private InputRule rule;

  @Override
  public void initialize(Checked annotation) {
    rule = annotation.value();
  }

  @Override
  public boolean isValid(List<String> values, ConstraintValidatorContext context) {
    if (values == null) {
      return true;
    }
    boolean valid = true;
    context.disableDefaultConstraintViolation();
    for (int i = 0; i < values.size(); i++) {
      Optional<String> problem = rule.problem(values.get(i));
      if (problem.isPresent()) {
        valid = false;
        context
            .buildConstraintViolationWithTemplate(Templates.literal(problem.get()))
            .addBeanNode()
            .inIterable()
            .atIndex(i)
            .addConstraintViolation();
      }
    }
    return valid;
  }
}
