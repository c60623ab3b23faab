package org.ubiopsgateway.gateway.observability;

import io.quarkus.logging.json.runtime.AdditionalField;
import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.logging.json.runtime.JsonLogConfig.AdditionalFieldConfig;
import io.quarkus.logging.json.runtime.JsonLogConfig.JsonConfig.LogFormat;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.StructuredFormatter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Formatter;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Access lines come out exactly as the console's JSON formatter writes them, however it is configured. */
class AccessLineFormatterTest {

    private static final String CATEGORY = BatchedAccessLog.CATEGORY;
    private static final Map<String, String> TRACED = mdc("traceId", "4bf92f3577b34da6a3ce929d0e0e4736",
            "spanId", "00f067aa0ba902b7", "sampled", "true");

    /** The configurations an operator can choose (quarkus.log.console.json.*), each made afresh on every call. */
    private static final Map<String, Supplier<StructuredFormatter>> CONFIGURATIONS = Map.of(
            "default", () -> json(LogFormat.DEFAULT),
            "keys renamed and excluded, fields added, a date pattern and zone", () -> {
                JsonFormatter f = new JsonFormatter("timestamp=@ts,message=msg", Set.of("sequence", "hostName"),
                        Map.of("service", new AdditionalField("gateway", AdditionalFieldConfig.Type.STRING),
                                "replica", new AdditionalField("3", AdditionalFieldConfig.Type.INT)));
                f.setRecordDelimiter("\n");
                f.setZoneId("Europe/Amsterdam");
                f.setDateFormat("yyyy-MM-dd HH:mm:ss.SSS");
                return f;
            },
            "the default date format in a zone with an offset", () -> {
                JsonFormatter f = json(LogFormat.DEFAULT);
                f.setZoneId("Europe/Amsterdam");
                return f;
            },
            "pretty printed", () -> {
                JsonFormatter f = json(LogFormat.DEFAULT);
                f.setPrettyPrint(true);
                return f;
            },
            "ECS", () -> json(LogFormat.ECS),
            "GCP (the trace and its sampling turned into fields of their own)", () -> json(LogFormat.GCP));

    @Test
    void everyLineIsTheFormattersOwnInEveryConfiguration() {
        CONFIGURATIONS.forEach((name, configuration) -> {
            Formatter lines = AccessLineFormatter.of(configuration.get());
            StructuredFormatter reference = configuration.get();
            for (ExtLogRecord record : records()) {
                assertEquals(reference.format(record), lines.format(record), name + ": " + record.getMessage());
            }
        });
    }

    @Test
    void aShapeSeenBeforeIsNotFormattedAgain() {
        AtomicInteger formatted = new AtomicInteger();
        Formatter lines = AccessLineFormatter.of(new JsonFormatter() {
            @Override
            protected void before(Generator generator, ExtLogRecord record) {
                formatted.incrementAndGet();
            }
        });
        StructuredFormatter reference = json(LogFormat.DEFAULT);
        for (int i = 0; i < 50; i++) {
            ExtLogRecord record = record("127.0.0.1 \"GET /api/v1/projects/p" + i + " HTTP/1.1\" 200 " + i + " 1ms",
                    TRACED, i);
            assertEquals(reference.format(record), lines.format(record));
        }
        assertTrue(formatted.get() <= 3, "the formatter ran " + formatted.get() + " times for 50 lines of one shape");
    }

    @Test
    void eachThreadHasItsOwnTemplates() throws Exception {
        Formatter lines = AccessLineFormatter.of(json(LogFormat.DEFAULT));
        StructuredFormatter reference = json(LogFormat.DEFAULT);
        ExtLogRecord here = record("GET /here", TRACED, 1);
        assertEquals(reference.format(here), lines.format(here));
        CompletableFuture<List<String>> there = new CompletableFuture<>();
        Thread other = new Thread(() -> {
            ExtLogRecord record = record("GET /there", TRACED, 2); // carries the other thread's name and id
            there.complete(List.of(reference.format(record), lines.format(record)));
        }, "another-event-loop");
        other.start();
        List<String> expectedAndActual = there.get(10, TimeUnit.SECONDS);
        assertEquals(expectedAndActual.get(0), expectedAndActual.get(1));
        assertTrue(expectedAndActual.get(1).contains("another-event-loop"), expectedAndActual.get(1));
    }

    @Test
    void timestampsMadeOnceASecondAreTheFormattersOwn() {
        for (String zone : List.of("UTC", "Europe/Amsterdam", "America/St_Johns")) {
            DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of(zone));
            AccessLineFormatter.Timestamps timestamps = new AccessLineFormatter.Timestamps(iso);
            Instant start = Instant.parse("2026-03-29T00:59:58Z"); // Amsterdam moves its clocks at 01:00
            for (long nanos : List.of(0L, 1L, 10L, 120_000L, 999_999_999L, 1_000_000_000L, 1_000_000_001L,
                    1_500_000_000L, 1_987_654_321L, 2_000_000_000L, 2_100_000_000L, 2_999_000_000L, 3_000_000_007L)) {
                Instant instant = start.plusNanos(nanos);
                assertEquals(iso.format(instant), timestamps.format(instant), zone + " " + instant);
            }
            assertTrue(timestamps.bySecond(), zone);
        }
    }

    private static List<ExtLogRecord> records() {
        List<ExtLogRecord> records = new ArrayList<>();
        int i = 0;
        for (Map<String, String> mdc : List.of(Map.<String, String>of(), TRACED, mdc("traceId",
                "0af7651916cd43dd8448eb211c80319c", "spanId", "b7ad6b7169203331", "sampled", "false"),
                mdc("sampled", "true", "traceId", "0af7651916cd43dd8448eb211c80319c", "spanId", "b7ad6b7169203331",
                        "tenant", "acme"))) {
            for (String message : List.of(
                    "127.0.0.1 \"GET /api/v1/projects/demo-project/instance-types HTTP/1.1\" 200 412 0ms",
                    "127.0.0.1 \"GET /api/v1/projects/a\\\"b\\\\c HTTP/1.1\" 404 120 1ms",
                    "127.0.0.1 \"GET /api/v1/projects/caf\u00e9 HTTP/1.1\" 400 99 0ms",
                    "127.0.0.1 \"GET /api/v1/projects/tab\there HTTP/1.1\" 400 99 0ms",
                    "")) {
                records.add(record(message, mdc, i++));
                records.add(record(message, mdc, i++)); // the same shape again: from the template
            }
        }
        ExtLogRecord failed = record("127.0.0.1 \"GET /api/v1/projects HTTP/1.1\" 500 80 3ms", TRACED, i);
        failed.setThrown(new IllegalStateException("upstream went away"));
        records.add(failed);
        return records;
    }

    private static ExtLogRecord record(String message, Map<String, String> mdc, int i) {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, message, ExtLogRecord.FormatStyle.NO_FORMAT,
                "org.jboss.logging.Logger");
        record.setLoggerName(CATEGORY);
        // over several seconds, some lines in the same one, one on a whole second and one on a whole millisecond
        record.setInstant(Instant.parse("2026-12-06T07:00:00Z").plusNanos(i * 123_450_000L));
        record.setSequenceNumber(1000 + i);
        record.setHostName("gateway-7d9f");
        record.setProcessName("quarkus-run.jar");
        record.setProcessId(4242);
        record.setMdc(mdc);
        return record;
    }

    private static JsonFormatter json(LogFormat format) {
        JsonFormatter f = new JsonFormatter();
        f.setRecordDelimiter("\n");
        f.setLogFormat(format);
        return f;
    }

    private static Map<String, String> mdc(String... keysAndValues) {
        Map<String, String> mdc = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            mdc.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return mdc;
    }
}
