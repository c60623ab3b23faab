package org.ubiopsgateway.gateway.rest;

import org.jboss.logging.Logger;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ubiopsgateway.model.activity.IsoDateTime;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Conversions between the public surface's enumerations and dates and upstream's text. */
public final class QueryValues {

    private static final String MODEL_PACKAGE = "org.ubiopsgateway.model.";
    private static final Logger LOG = Logger.getLogger(QueryValues.class);
    private static final Set<String> UNKNOWN_SEEN = ConcurrentHashMap.newKeySet();

    private QueryValues() {
    }

    /**
     * Each enumeration's constants by value, gathered once per type: an overview maps several values of every
     * deployment and version in its lists, on the path to its second round.
     */
    private static final ClassValue<Map<String, Object>> BY_VALUE = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> byValue = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byValue.putIfAbsent(constant.toString(), constant);
            }
            return Collections.unmodifiableMap(byValue);
        }
    };

    /** The constant whose value (its {@code toString()}) is {@code value}; empty for an unknown value. */
    public static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String value) {
        return Optional.ofNullable(type.cast(BY_VALUE.get(type).get(value)));
    }

    /**
     * {@link #enumValue} for values upstream reports: an unknown one (a newer upstream) becomes null, not a failed
     * read, and is logged once so that the model can catch up.
     */
    public static <E extends Enum<E>> E known(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        Optional<E> known = enumValue(type, value);
        if (known.isEmpty() && UNKNOWN_SEEN.add(type.getSimpleName() + ":" + value)) {
            LOG.warnf("UbiOps answered a %s the gateway does not know: '%s' (shown as null)", type.getSimpleName(), value);
        }
        return known.orElse(null);
    }

    /** The public surface's own enumerations (those of {@code api-model}), read and written by their values. */
    static boolean isContractEnum(Class<?> type) {
        return type.isEnum() && type.getName().startsWith(MODEL_PACKAGE);
    }

    /** {@code true} or {@code false} in any case; anything else is empty. */
    static Optional<Boolean> strictBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(Boolean.TRUE);
            case "false" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    /** The values a parameter of {@code type} accepts, for error messages. */
    public static String allowed(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    /** A date already checked by {@link IsoDateTime}, as upstream gets it: ISO-8601 in UTC (no {@code +} to encode). */
    public static String utc(String value) {
        return value == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant(value).withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** The instant of a date already checked by {@link IsoDateTime}. */
    public static OffsetDateTime instant(String value) {
        return IsoDateTime.Validator.parse(value).orElseThrow(() -> new IllegalArgumentException("not ISO-8601: " + value));
    }

    /** The lowercase text upstream expects for an enumeration, or null. */
    public static String text(Enum<?> value) {
        return value == null ? null : value.toString();
    }
}
