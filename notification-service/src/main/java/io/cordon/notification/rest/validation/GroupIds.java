package io.cordon.notification.rest.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Every group scope names an Entra group by object id ({@link InputRule#GROUP}), with an optional
 * display name ({@link InputRule#GROUP_NAME}); a bad one is reported at its index ({@code
 * scopes.groups[1]}).
 */
@Documented
@Constraint(validatedBy = GroupIdsValidator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface GroupIds {
  String message() default "invalid group scope";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
