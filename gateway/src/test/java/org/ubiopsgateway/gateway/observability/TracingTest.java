package org.ubiopsgateway.gateway.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
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
import org.ubiopsgateway.emulator.FaultRule;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
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

    @Inject
    UbiOpsEmulator emulator;

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
        assertNothingRecordedFor(traceId);
    }

    @Test
    void anUpstreamFailureMarksTheServerSpanAsAnError() {
        String traceId = "6cf92f3577b34da6a3ce929d0e0e4738";
        // The attempt and its two retries (test profile) fail, so the caller gets a 5xx.
        emulator.faults().add(FaultRule.error("/v2\\.1/projects/demo-project/quotas", 503, 1.0).withTimes(3));
        try {
            int status = RestAssured.given().header("traceparent", sampled(traceId))
                    .get("/api/v1/projects/demo-project/quotas").then().extract().statusCode();
            assertTrue(status >= 500, "a 5xx, got " + status);
            List<SpanData> servers = awaitServerSpan(traceId, "/api/v1/projects/{project}/quotas").stream()
                    .filter(s -> s.getKind() == SpanKind.SERVER).toList();
            assertEquals(1, servers.size(), "one server span: " + servers);
            SpanData server = servers.get(0);
            assertEquals(StatusCode.ERROR, server.getStatus().getStatusCode());
            assertEquals(status, server.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        } finally {
            emulator.faults().clear();
        }
    }

    @Test
    void healthAndMetricsEndpointsAreNotTraced() {
        String traceId = "7df92f3577b34da6a3ce929d0e0e4739";
        RestAssured.given().header("traceparent", sampled(traceId)).get("/q/health/live").then().statusCode(200);
        RestAssured.given().header("traceparent", sampled(traceId)).get("/q/metrics").then().statusCode(200);
        assertNothingRecordedFor(traceId);
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

    /** A caller's W3C trace context for {@code traceId}, sampled. */
    private static String sampled(String traceId) {
        return "00-" + traceId + "-00f067aa0ba902b7-01";
    }

    /** Once a later, sampled request's server span has ended (a span of the earlier one would have too), none of it. */
    private void assertNothingRecordedFor(String traceId) {
        RestAssured.given().header("traceparent", TRACEPARENT).get("/api/v1/projects/demo-project").then().statusCode(200);
        awaitServerSpan(TRACE_ID, "/api/v1/projects/{project}");
        assertTrue(spans.ended().stream().noneMatch(s -> s.getTraceId().equals(traceId)), "nothing recorded for " + traceId);
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
