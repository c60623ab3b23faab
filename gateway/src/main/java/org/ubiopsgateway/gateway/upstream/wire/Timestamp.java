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
        return parsed().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse(raw);
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
