package org.ubiopsgateway.gateway.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.testing.Eventually;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With an OTLP endpoint configured, a caller's W3C trace continues through the gateway to UbiOps and into the logs. */
@QuarkusTest
@TestProfile(TracingTest.WithOtlpEndpoint.class)
class TracingTest {

    /** A caller's trace: W3C trace context, sampled. */
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
    private static final String HIT_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String TRACEPARENT_OF_HIT = "00-" + HIT_TRACE_ID + "-b7ad6b7169203331-01";
    private static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");

    public static class WithOtlpEndpoint implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Nothing listens there: spans are read from RecordedSpans, and the exporter's batches never come due.
            return Map.of("quarkus.otel.exporter.otlp.endpoint", "http://127.0.0.1:4317",
                    "quarkus.otel.bsp.schedule.delay", "1h");
        }
    }

    @Inject
    RecordedSpans spans;

    private final LogCapture accessLog = new LogCapture(AccessLogTest.CATEGORY);

    @BeforeEach
    void capture() {
        accessLog.start();
    }

    @AfterEach
    void release() {
        accessLog.stop();
    }

    @Test
    void anEndpointTurnsTracingOn() {
        assertEquals("false", ConfigProvider.getConfig().getValue("quarkus.otel.sdk.disabled", String.class));
    }

    @Test
    void theCallersTraceReachesUpstreamAndTheLog() {
        RestAssured.given().header("traceparent", TRACEPARENT).get("/api/v1/projects/demo-project").then().statusCode(200);

        ExtLogRecord line = (ExtLogRecord) accessLog.awaitRecord(l -> l.contains("GET /api/v1/projects/demo-project "));
        assertEquals(TRACE_ID, line.getMdc("traceId"), "the access log line carries the caller's trace id");

        List<SpanData> trace = awaitServerSpan(TRACE_ID, "/api/v1/projects/{project}");
        assertTrue(trace.stream().anyMatch(s -> s.getKind() == SpanKind.CLIENT),
                "the upstream call is a child in the same trace (its traceparent goes to UbiOps): " + trace);
    }

    @Test
    void aCacheHitAnsweredBeforeQuarkusRestIsTracedAndLoggedUnderItsRoute() {
        String path = "/api/v1/projects/demo-project/instance-types";
        RestAssured.given().get(path).then().statusCode(200);
        RestAssured.given().get(path).then().statusCode(200).header("X-Cache", "HIT");
        RestAssured.given().header("traceparent", TRACEPARENT_OF_HIT).get(path).then().statusCode(200)
                .header("X-Cache", "HIT");

        assertTrue(accessLog.awaitRecords(l -> l.contains("\"GET " + path + " HTTP/1.1\" 200 "), 3).stream()
                .anyMatch(l -> HIT_TRACE_ID.equals(((ExtLogRecord) l).getMdc("traceId"))),
                "the hit's access log line, with the caller's trace id");
        awaitServerSpan(HIT_TRACE_ID, "/api/v1/projects/{project}/instance-types");
    }

    @Test
    void aCallersDecisionNotToSampleIsKept() {
        String traceId = "5bf92f3577b34da6a3ce929d0e0e4737";
        RestAssured.given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-00")
                .get("/api/v1/projects/demo-project").then().statusCode(200);

        ExtLogRecord line = (ExtLogRecord) accessLog.awaitRecord(l -> l.contains("GET /api/v1/projects/demo-project "));
        assertEquals(traceId, line.getMdc("traceId"), "the trace id still reaches the log");
        RestAssured.given().header("traceparent", TRACEPARENT).get("/api/v1/projects/demo-project").then().statusCode(200);
        awaitServerSpan(TRACE_ID, "/api/v1/projects/{project}"); // a later, sampled trace has ended: the first would have too
        assertTrue(spans.ended().stream().noneMatch(s -> s.getTraceId().equals(traceId)), "nothing recorded for it");
    }

    @Test
    void spansAreQueuedForExportOnceAndByOneThread() {
        RestAssured.given().header("traceparent", TRACEPARENT).get("/api/v1/projects/demo-project").then().statusCode(200);
        awaitServerSpan(TRACE_ID, "/api/v1/projects/{project}");

        // A test application started before this one may still be stopping its own.
        Eventually.await("one batch span processor's thread", TracingTest::batchProcessorThreads,
                threads -> threads.size() == 1);
    }

    private static List<String> batchProcessorThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("BatchSpanProcessor_WorkerThread")).toList();
    }

    /**
     * The spans of a trace once its server span, named by {@code route}, has ended: it ends as the answer is written,
     * which may be just after the client (and the access log) has it.
     */
    private List<SpanData> awaitServerSpan(String traceId, String route) {
        return Eventually.await("a server span named " + route + " continuing the caller's trace",
                () -> spans.ended().stream().filter(s -> s.getTraceId().equals(traceId)).toList(),
                trace -> trace.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER
                        && route.equals(s.getAttributes().get(HTTP_ROUTE))));
    }
}
