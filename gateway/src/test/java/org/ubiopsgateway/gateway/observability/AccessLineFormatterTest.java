package org.ubiopsgateway.gateway.observability;

import io.quarkus.logging.json.runtime.AdditionalField;
import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.logging.json.runtime.JsonLogConfig.AdditionalFieldConfig.Type;
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
import java.util.function.Consumer;
import java.util.logging.Formatter;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Access lines come out exactly as the console's JSON formatter writes them, however it is configured. */
class AccessLineFormatterTest {

    private static final String CATEGORY = BatchedAccessLog.CATEGORY;
    private static final Map<String, String> TRACED = mdc("traceId", "4bf92f3577b34da6a3ce929d0e0e4736",
            "spanId", "00f067aa0ba902b7", "sampled", "true");

    /**
     * The configurations an operator can choose (quarkus.log.console.json.*); ECS and GCP as Quarkus sets them up
     * (LoggingJsonRecorder): their keys renamed, their fields added, GCP's filled from the MDC.
     */
    private static final List<Configuration> CONFIGURATIONS = List.of(
            new Configuration("default", null, Set.of(), Map.of(), f -> { }),
            new Configuration("keys renamed, sequence and host excluded, fields added, a date pattern and zone",
                    "TIMESTAMP=@ts,MESSAGE=msg", Set.of("sequence", "hostName"),
                    Map.of("service", string("gateway"), "replica", new AdditionalField("3", Type.INT)), f -> {
                        f.setZoneId("Europe/Amsterdam");
                        f.setDateFormat("yyyy-MM-dd HH:mm:ss.SSS");
                    }),
            new Configuration("the default date format in a zone with an offset", null, Set.of(), Map.of(),
                    f -> f.setZoneId("Europe/Amsterdam")),
            new Configuration("pretty printed", null, Set.of(), Map.of(), f -> f.setPrettyPrint(true)),
            new Configuration("ECS", "TIMESTAMP=@timestamp,LOGGER_NAME=log.logger,LEVEL=log.level,"
                    + "PROCESS_ID=process.pid,PROCESS_NAME=process.name,THREAD_NAME=process.thread.name,"
                    + "THREAD_ID=process.thread.id,HOST_NAME=host.hostname,SEQUENCE=event.sequence",
                    Set.of("loggerClassName"), Map.of("ecs.version", string("1.12.2"), "data_stream.type",
                            string("logs"), "service.name", string("ubiops-gateway")), f -> f.setLogFormat(LogFormat.ECS)),
            new Configuration("GCP: the trace, span and sampling also as fields of their own", "LEVEL=severity",
                    Set.of(), Map.of("trace", string(""), "spanId", string(""), "traceSampled", string("")), f -> {
                        f.setLogFormat(LogFormat.GCP);
                        f.setTracePrefix("projects/demo/traces/");
                    }));

    @Test
    void everyLineIsTheFormattersOwnInEveryConfiguration() {
        for (Configuration configuration : CONFIGURATIONS) {
            Formatter lines = AccessLineFormatter.of(configuration.formatter());
            StructuredFormatter reference = configuration.formatter();
            for (ExtLogRecord record : records()) {
                assertEquals(reference.format(record), lines.format(record), configuration.name() + ": "
                        + record.getMessage());
            }
        }
    }

    @Test
    void aShapeSeenBeforeIsNotFormattedAgainInAnyConfiguration() {
        for (Configuration configuration : CONFIGURATIONS) {
            CountingFormatter counted = configuration.formatter();
            Formatter lines = AccessLineFormatter.of(counted);
            StructuredFormatter reference = configuration.formatter();
            for (int i = 0; i < 50; i++) {
                ExtLogRecord record = record("127.0.0.1 \"GET /api/v1/projects/p" + i + " HTTP/1.1\" 200 " + i
                        + " 1ms", TRACED, i);
                assertEquals(reference.format(record), lines.format(record), configuration.name());
            }
            assertTrue(counted.calls.get() <= 3, configuration.name() + ": the formatter ran " + counted.calls.get()
                    + " times for 50 lines of one shape");
        }
    }

    @Test
    void eachThreadHasItsOwnTemplates() throws Exception {
        Formatter lines = AccessLineFormatter.of(CONFIGURATIONS.get(0).formatter());
        StructuredFormatter reference = CONFIGURATIONS.get(0).formatter();
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

    private static AdditionalField string(String value) {
        return new AdditionalField(value, Type.STRING);
    }

    private record Configuration(String name, String keyOverrides, Set<String> excludedKeys,
            Map<String, AdditionalField> additionalFields, Consumer<JsonFormatter> settings) {

        /** A formatter of its own, as Quarkus makes the console's. */
        CountingFormatter formatter() {
            CountingFormatter formatter = new CountingFormatter(keyOverrides, excludedKeys,
                    new LinkedHashMap<>(additionalFields));
            formatter.setRecordDelimiter("\n");
            settings.accept(formatter);
            return formatter;
        }
    }

    /** Quarkus's JSON formatter, counting the lines it formats. */
    private static final class CountingFormatter extends JsonFormatter {
        final AtomicInteger calls = new AtomicInteger();

        CountingFormatter(String keyOverrides, Set<String> excludedKeys, Map<String, AdditionalField> fields) {
            super(keyOverrides, excludedKeys, fields);
        }

        @Override
        protected void before(Generator generator, ExtLogRecord record) {
            calls.incrementAndGet();
        }
    }

    private static Map<String, String> mdc(String... keysAndValues) {
        Map<String, String> mdc = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            mdc.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return mdc;
    }
}
