package org.ubiopsgateway.gateway.upstream.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * An upstream timestamp, kept as upstream wrote it. UbiOps's own documents contain values such as
 * {@code 2020-06-22T18:04:76.123754Z} (76 seconds), so parsing is lenient and never fails: what cannot be
 * read as a date stays available as text.
 */
public record Timestamp(String raw) {

    /** Up to the seconds, {@code 0} for a digit. */
    private static final String SECONDS = "0000-00-00T00:00:00";

    @JsonCreator
    public static Timestamp of(String raw) {
        return raw == null ? null : new Timestamp(raw);
    }

    @JsonValue
    public String raw() {
        return raw;
    }

    /** ISO-8601 with seconds (e.g. {@code 2024-03-01T09:00:00Z}) when upstream's text parses, else upstream's text as given: what the public surface shows. */
    public String iso() {
        // Text already in the formatter's form comes out as the formatter would write it, without being parsed (an
        // invalid one too, but for its fraction's trailing zeros): for the two timestamps of every deployment and
        // version in the lists an overview maps, on the way to its second round.
        String formatted = formatted(raw);
        return formatted != null ? formatted
                : parsed().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse(raw);
    }

    /**
     * Text of the form {@code yyyy-MM-ddTHH:mm:ssZ}, with or without a fraction of 1 to 9 digits before the {@code Z},
     * as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes it for UTC: the fraction without trailing zeros (Java's
     * {@code Instant} writes them, in groups of three digits). Null for text of any other form.
     */
    private static String formatted(String text) {
        int length = text.length();
        if (length < SECONDS.length() + 1 || text.charAt(length - 1) != 'Z') {
            return null;
        }
        for (int i = 0; i < SECONDS.length(); i++) {
            char c = text.charAt(i);
            if (SECONDS.charAt(i) == '0' ? c < '0' || c > '9' : c != SECONDS.charAt(i)) {
                return null;
            }
        }
        int fraction = length - 1 - SECONDS.length(); // '.' and digits
        if (fraction == 0) {
            return text;
        }
        if (fraction < 2 || fraction > 10 || text.charAt(SECONDS.length()) != '.') {
            return null;
        }
        for (int i = SECONDS.length() + 1; i < length - 1; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        int end = length - 1;
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        if (text.charAt(end - 1) == '.') {
            end--;
        }
        return end == length - 1 ? text : text.substring(0, end) + "Z";
    }

    /** Null-safe {@link #iso()} for optional wire fields. */
    public static String iso(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.iso();
    }

    /** The instant, when the text is ISO-8601 (with offset, without offset as UTC, or a bare date). */
    public Optional<OffsetDateTime> parsed() {
        String text = raw.strip();
        try {
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException ignored) {
            // try the other documented forms
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
}
