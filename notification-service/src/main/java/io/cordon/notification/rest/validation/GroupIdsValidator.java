package io.cordon.notification.rest.validation;

import io.cordon.notification.rest.PartnerRequest;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import java.util.Optional;

public class GroupIdsValidator
    implements ConstraintValidator<GroupIds, List<PartnerRequest.GroupScope>> {

  @Override
  public boolean isValid(
      List<PartnerRequest.GroupScope> groups, ConstraintValidatorContext context) {
    if (groups == null) {
      return true;
    }
    boolean valid = true;
    context.disableDefaultConstraintViolation();
    for (int i = 0; i < groups.size(); i++) {
      Optional<String> problem = problem(groups.get(i));
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

  private static Optional<String> problem(PartnerRequest.GroupScope group) {
    if (group == null) {
      return InputRule.GROUP.problem(null);
    }
    Optional<String> id = InputRule.GROUP.problem(group.id());
    if (id.isPresent() || group.displayName() == null) {
      return id;
    }
    return InputRule.GROUP_NAME.problem(group.displayName());
  }
}
