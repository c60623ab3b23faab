package org.ubiopsgateway.model.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The id of a variable, user, revision, build or request: a UUID ({@link Rules#ID_PATTERN}). Null is valid: combine
 * with {@code @NotNull} where an id is required.
 */
@Pattern(regexp = Rules.ID_PATTERN, message = Rules.ID_MESSAGE)
@Constraint(validatedBy = {})
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE_USE,
        ElementType.ANNOTATION_TYPE})
public @interface ResourceId {

    String message() default Rules.ID_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
