package org.ubiopsgateway.gateway.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.upstream.wire.AuditEvent;
import org.ubiopsgateway.gateway.upstream.wire.Timestamp;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimestampTest {

    private static final ObjectMapper JSON = UpstreamJson.mapper(new ObjectMapper());

    @Test
    void impossibleTimeFromUpstreamsDocumentStaysRaw() throws Exception {
        AuditEvent event = JSON.readValue("{\"id\": \"1\", \"date\": \"2020-06-22T18:04:76.123754Z\"}", AuditEvent.class);
        assertEquals("2020-06-22T18:04:76.123754Z", event.date().raw());
        assertTrue(event.date().parsed().isEmpty());
    }

    @Test
    void bareDateIsMidnightUtc() {
        assertEquals(OffsetDateTime.of(2018, 10, 26, 0, 0, 0, 0, ZoneOffset.UTC), Timestamp.of("2018-10-26").parsed().orElseThrow());
    }

    @Test
    void offsetDateTimeParses() {
        OffsetDateTime parsed = Timestamp.of("2020-05-23T11:53:02.873+00:00").parsed().orElseThrow();
        assertEquals(2020, parsed.getYear());
        assertEquals(873_000_000, parsed.getNano());
    }

    @Test
    void microsecondsWithZuluParse() {
        assertTrue(Timestamp.of("2020-01-01T00:00:00.000000Z").parsed().isPresent());
    }

    @Test
    void writtenBackAsUpstreamWroteIt() throws Exception {
        assertEquals("\"2020-06-22T18:04:76.123754Z\"", JSON.writeValueAsString(Timestamp.of("2020-06-22T18:04:76.123754Z")));
        assertNull(Timestamp.of(null));
        assertNull(JSON.readValue("{\"id\": \"1\", \"date\": null}", AuditEvent.class).date());
    }

    @Test
    void shownInIsoFormWithSecondsAndTheOffsetAsZ() {
        assertEquals("2024-03-01T09:00:00Z", Timestamp.of("2024-03-01T09:00Z").iso());
        assertEquals("2024-03-01T09:00:00Z", Timestamp.of("2024-03-01T09:00:00.000Z").iso());
        assertEquals("2024-03-01T09:00:00.12Z", Timestamp.of("2024-03-01T09:00:00.120Z").iso());
        assertEquals("2024-03-01T09:00:00.123754Z", Timestamp.of("2024-03-01T09:00:00.123754+00:00").iso());
        assertEquals("2024-03-01T09:00:00+01:00", Timestamp.of(" 2024-03-01T09:00:00+01:00 ").iso());
        assertEquals("2024-03-01T00:00:00Z", Timestamp.of("2024-03-01").iso());
    }

    @Test
    void textAlreadyInThatFormIsShownAsItIsAndAnyOtherAsParsed() {
        for (String text : List.of("2024-03-01T09:00:00Z", "2024-03-01T09:00:00.1Z", "2024-03-01T09:00:00.123754Z",
                "2024-03-01T09:00:00.123456789Z", "2024-02-29T23:59:59.999Z", "2024-03-01T09:00:00.120Z",
                "2024-03-01T09:00:00.Z", "2024-03-01T09:00:00.1234567891Z", "2020-06-22T18:04:76.123754Z",
                "2023-02-29T09:00:00Z", "2024-13-01T09:00:00Z", "2024-03-01T24:00:00Z", "2024-03-01t09:00:00Z",
                "2024-03-01T09:00:00z", "+2024-03-01T09:00:00Z", "2024-03-01T09:00:00ZZ", "2024-3-01T09:00:00Z",
                "2026-12-05T20:40:17.918489910Z", "2026-12-05T20:40:17.000Z", "2026-12-05T20:40:17.100000Z",
                "2026-12-05T20:40:17.000000000Z", "2026-12-05T20:40:17.0000000000Z")) {
            Timestamp timestamp = Timestamp.of(text);
            String parsed = timestamp.parsed().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse(text);
            assertEquals(parsed, timestamp.iso(), text);
        }
    }

    @Test
    void anInvalidTimeInThatFormLosesOnlyTheTrailingZerosOfItsFraction() {
        assertEquals("2020-06-22T18:04:76.12Z", Timestamp.of("2020-06-22T18:04:76.120Z").iso());
        assertEquals("2023-02-29T09:00:00Z", Timestamp.of("2023-02-29T09:00:00.000Z").iso());
    }
}
