package org.ubiopsgateway.model.activity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * An ISO-8601 date-time with offset ({@code 2024-05-01T10:00:00+02:00}), without one (taken as UTC), or a bare
 * date (its start, UTC): the forms UbiOps accepts. Null is valid. In a query string an unencoded {@code +} of an
 * offset arrives as a space, so a space is read as {@code +}.
 */
@Documented
@Constraint(validatedBy = IsoDateTime.Validator.class)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoDateTime {

    String message() default "must be an ISO-8601 date or date-time, e.g. 2024-05-01T10:00:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks values, and reads them for whoever uses them afterwards: one definition of the accepted forms. */
    class Validator implements ConstraintValidator<IsoDateTime, String> {

        /** The longest form has 35 characters (nanoseconds and an offset): room for spaces around it, and no more. */
        public static final int MAX_LENGTH = 64;

        /** Whether a value is one of the accepted forms, and no longer than {@link #MAX_LENGTH}. */
        public static boolean accepts(String value) {
            return value.length() <= MAX_LENGTH && parse(value).isPresent();
        }

        /** The instant a value names, empty when it is not ISO-8601. */
        public static Optional<OffsetDateTime> parse(String value) {
            String text = value.strip().replace(' ', '+');
            try {
                return Optional.of(OffsetDateTime.parse(text));
            } catch (DateTimeParseException ignored) {
                // try the forms without an offset
            }
            try {
                return Optional.of(LocalDateTime.parse(text).atOffset(ZoneOffset.UTC));
            } catch (DateTimeParseException ignored) {
                // try a bare date
            }
            try {
                return Optional.of(LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC));
            } catch (DateTimeParseException ignored) {
                return Optional.empty();
            }
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || accepts(value);
        }
    }
}
