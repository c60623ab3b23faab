package org.ubiopsgateway.gateway.revisions;

import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.security.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two body limits of the test profile: uploads up to {@code gateway.limits.upload} (16M here), other bodies up
 * to {@code gateway.limits.body} (1M). Over either: 413 problem+json, and nothing reaches upstream.
 */
@QuarkusTest
class BodyLimitsTest {

    static final int MB = 1024 * 1024;
    static final String BOUNDARY = "limits-test-boundary";

    @TestHTTPResource("/api/v1/projects/demo-project/deployments/churn-model/versions/v1/revisions")
    URI revisions;

    @Inject
    UbiOpsEmulator emulator;

    @Inject
    BodyLimitsConfig limits;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A multipart body whose {@code file} part is {@code size} zero bytes, produced as it is sent. */
    static Supplier<InputStream> multipart(long size) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return () -> new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(head), zeros(size)),
                new ByteArrayInputStream(tail));
    }

    static InputStream zeros(long size) {
        return new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    /** A JSON object with one string field {@code size} bytes long, produced as it is sent. */
    static InputStream jsonString(long size) {
        InputStream letters = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }
        };
        return new SequenceInputStream(new SequenceInputStream(
                new ByteArrayInputStream("{\"templateId\":\"".getBytes(StandardCharsets.US_ASCII)), letters),
                new ByteArrayInputStream("\"}".getBytes(StandardCharsets.US_ASCII)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertTooLarge(int status, String contentType, String body) {
        assertEquals(413, status, body);
        assertEquals("application/problem+json", contentType);
        assertTrue(body.contains("\"status\":413"), body);
        assertTrue(body.contains("\"title\":\"Payload too large\""), body);
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertTooLarge(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
    }

    private static void assertTooLarge(DeclaredLengthRequest response) {
        assertTooLarge(response.status(), response.contentType(), response.body());
    }

    @Test
    void uploadDeclaringMoreThanTheUploadLimitIsRefusedBeforeItsBodyIsSent() throws Exception {
        assertTooLarge(DeclaredLengthRequest.post(revisions, TestTokens.admin(), "multipart/form-data; boundary=" + BOUNDARY, 16L * MB + 1));
        assertEquals(List.of(), emulator.journal().entries());
    }

    @Test
    void chunkedUploadOverTheUploadLimitIsRefusedWhileRead() throws Exception {
        assertTooLarge(send(HttpRequest.newBuilder(revisions).header("Authorization", "Bearer " + TestTokens.admin())
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(multipart(17L * MB)))));
        assertEquals(List.of(), emulator.journal().entries());
    }

    @Test
    void uploadOverTheJsonLimitButWithinTheUploadLimitPasses() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(revisions).header("Authorization", "Bearer " + TestTokens.admin())
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(multipart(12L * MB))));
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(1, emulator.journal().count("revisions_file_upload"));
    }

    @Test
    void jsonDeclaringMoreThanTheBodyLimitIsRefusedBeforeItsBodyIsSent() throws Exception {
        assertTooLarge(DeclaredLengthRequest.post(revisions, TestTokens.admin(), "application/json", limits.body().asLongValue() + 1));
        assertEquals(List.of(), emulator.journal().entries());
    }

    @Test
    void chunkedJsonOverTheBodyLimitIsRefusedWhileRead() throws Exception {
        assertTooLarge(send(HttpRequest.newBuilder(revisions).header("Authorization", "Bearer " + TestTokens.admin())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> jsonString(limits.body().asLongValue() + MB)))));
        assertEquals(List.of(), emulator.journal().entries());
    }

    @Test
    void theUploadLimitFollowsTheRouteNotHowItsPathIsSpelt() throws Exception {
        URI spelt = URI.create(revisions.toString().replace("/versions/v1/revisions", "/versions/v1/../v1/revisions"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(spelt).header("Authorization", "Bearer " + TestTokens.admin())
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(multipart(12L * MB))));
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(1, emulator.journal().count("revisions_file_upload"));
    }
}
