package org.ubiopsgateway.gateway.cache;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.Journal;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A read answered before Quarkus REST ({@link DirectReads}) answers exactly as the whole way does, its refusals and
 * failures included. A token is answered the whole way until the gate has verified it once, so each test takes a new
 * token: its first request goes the whole way, the next ones directly (that they do is {@code RequestThreadsTest}'s).
 */
@QuarkusTest
class DirectReadsTest {

    private static final String MEMBER = "/api/v1/projects/demo-project/users/5e3b2a0c-1c4f-4d7e-9a61-0f7b2d8c9e01";
    private static final String DEPLOYMENT = "/api/v1/projects/demo-project/deployments/image-classifier";
    private static final Set<String> PER_REQUEST = Set.of("date", "age");

    @Inject
    Journal journal;

    @Test
    void aReadGetsTheWholeWaysAnswer() {
        String version = DEPLOYMENT + "/versions/v1";
        String revision = TestTokens.as(TestTokens.admin()).get(version).then().statusCode(200).extract()
                .path("latestRevision");
        // not quotas and instance types: cached for minutes in the test profile, so a second read is a hit
        // (CachedAnswersTest); a read's micro-cache is off in it
        for (String path : new String[] {"/api/v1/projects/demo-project", "/api/v1/projects/demo-project/resources",
                "/api/v1/projects/demo-project/users", MEMBER, DEPLOYMENT, version, version + "/revisions",
                version + "/revisions/" + revision, version + "/builds/" + revision}) {
            String token = TestTokens.viewer("demo-project");
            Response whole = TestTokens.as(token).get(path);
            Response direct = TestTokens.as(token).get(path);

            whole.then().statusCode(200);
            assertSameAnswer(whole, direct, path);
        }
    }

    @Test
    void aMatchingIfNoneMatchGets304WithoutABody() {
        String token = TestTokens.viewer("demo-project");
        String etag = TestTokens.as(token).get(MEMBER).then().statusCode(200).extract().header("ETag");

        TestTokens.as(token).header("If-None-Match", etag).get(MEMBER).then().statusCode(304).header("ETag", etag);
        TestTokens.as(token).header("If-None-Match", "\"other\"").get(MEMBER).then().statusCode(200)
                .header("ETag", etag);
    }

    @Test
    void aPathValueTheContractRefusesIs400AndNeverReachesUpstream() {
        String token = TestTokens.viewer("demo-project");
        TestTokens.as(token).get(MEMBER).then().statusCode(200);
        journal.clear();

        String invalid = "/api/v1/projects/demo-project/users/not-a-uuid";
        Response direct = TestTokens.as(token).get(invalid);
        String other = TestTokens.viewer("demo-project");
        Response whole = TestTokens.as(other).get(invalid);

        direct.then().statusCode(400).contentType("application/problem+json").header("Cache-Control", "no-store")
                .body("violations[0].field", equalTo("id"));
        assertSameAnswer(whole, direct, invalid);
        assertEquals(0, journal.count("project_users_get"), "nothing reached UbiOps");
    }

    @Test
    void anUpstreamRefusalIsTheWholeWaysProblem() {
        String unknown = "/api/v1/projects/demo-project/users/00000000-0000-4000-8000-000000000000";
        String token = TestTokens.viewer("demo-project");
        Response whole = TestTokens.as(token).get(unknown);
        Response direct = TestTokens.as(token).get(unknown);

        direct.then().statusCode(404).contentType("application/problem+json");
        assertSameAnswer(whole, direct, unknown);
    }

    @Test
    void whatTheGateWouldRefuseGoesTheWholeWayAndIsRefused() {
        String sandboxViewer = TestTokens.viewer("sandbox");
        TestTokens.as(sandboxViewer).get("/api/v1/projects/sandbox").then().statusCode(200);

        TestTokens.as(sandboxViewer).get(MEMBER).then().statusCode(403)
                .body("detail", equalTo("The token gives no access to this project"));
        TestTokens.anonymous().get(MEMBER).then().statusCode(401);
        TestTokens.as(sandboxViewer).get("/api/v1/projects/sandbox?unknown=1").then().statusCode(400)
                .body("violations[0].field", equalTo("unknown"));
    }

    private static void assertSameAnswer(Response whole, Response direct, String path) {
        assertEquals(whole.statusCode(), direct.statusCode(), path);
        assertArrayEquals(whole.asByteArray(), direct.asByteArray(), path + ": the same body, byte for byte");
        assertEquals(headers(whole), headers(direct), path + ": the same headers");
    }

    /** Names in lower case (HTTP's are case-insensitive) with their values, but for those of the moment. */
    private static Map<String, String> headers(Response response) {
        return response.headers().asList().stream().filter(h -> !PER_REQUEST.contains(h.getName().toLowerCase()))
                .collect(Collectors.toMap(h -> h.getName().toLowerCase(), h -> h.getValue(), (a, b) -> a + ", " + b,
                        TreeMap::new));
    }
}
