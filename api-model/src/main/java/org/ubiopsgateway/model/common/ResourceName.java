package org.ubiopsgateway.model.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name of a project, deployment, version (or environment, pipeline, schedule, webhook): UbiOps's rule for
 * names, {@link Rules#NAME_PATTERN} and at most {@link Rules#NAME_MAX} characters. Each part that is broken is
 * reported with its own message. Null is valid: combine with {@code @NotNull} where a name is required.
 */
@Pattern(regexp = Rules.NAME_PATTERN, message = Rules.NAME_MESSAGE)
@Size(max = Rules.NAME_MAX)
@Constraint(validatedBy = {})
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE_USE,
        ElementType.ANNOTATION_TYPE})
public @interface ResourceName {

    String message() default Rules.NAME_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
