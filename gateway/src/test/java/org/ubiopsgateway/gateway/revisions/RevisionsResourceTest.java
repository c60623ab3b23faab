package org.ubiopsgateway.gateway.revisions;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.JournalEntry;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Revisions and builds over HTTP, against the embedded emulator; the journal shows what reached upstream. */
@QuarkusTest
class RevisionsResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final String VERSION = "/api/v1/projects/demo-project/deployments/{deployment}/versions/{version}";
    static final String REVISIONS = VERSION + "/revisions";
    static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

    @Inject
    UbiOpsEmulator emulator;

    private List<JournalEntry> journal() {
        return emulator.journal().entries();
    }

    static byte[] randomPackage(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** Polls the build until it is final, for at most five seconds (the emulator builds in about one). */
    static String finalBuildStatus(String deployment, String version, String build) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        String status;
        do {
            Thread.sleep(100);
            status = given().get(VERSION + "/builds/{build}", deployment, version, build)
                    .then().statusCode(200).extract().path("status");
        } while (!status.equals("success") && !status.equals("failed") && System.nanoTime() < deadline);
        return status;
    }

    private static String firstRevision(String deployment, String version) {
        return given().get(REVISIONS, deployment, version).then().statusCode(200).extract().path("[0].id");
    }

    // ---- list, get

    @Test
    void listShowsEachRevisionWithItsNewestBuildsStatus() {
        given().get(REVISIONS, "image-classifier", "v2")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("size()", is(2))
                .body("status", equalTo(List.of("success", "failed")))
                .body("[1].errorMessage", notNullValue())
                .body("[0].errorMessage", nullValue())
                .body("[0].version", equalTo("v2"))
                .body("[0].createdAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*"))
                .body("[0]", not(hasKey("creation_date")))
                .body("[0]", not(hasKey("buildId")));
        assertEquals(List.of("revisions_list"), journal().stream().map(JournalEntry::operation).toList());
    }

    @Test
    void listOfAnUnknownVersionIsNotFoundWithUpstreamsMessage() {
        given().get(REVISIONS, "image-classifier", "v9")
                .then().statusCode(404).contentType(PROBLEM)
                .body("status", is(404))
                .body("detail", equalTo("Version was not found"));
    }

    @Test
    void badNamesAreRefusedBeforeUpstream() {
        given().get(REVISIONS, "Image_Classifier", "v1")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("deployment"));
        given().get(REVISIONS + "/{revision}", "image-classifier", "v1", "not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("revision"));
        assertEquals(List.of(), journal());
    }

    @Test
    void getAnswersTheRevision() {
        String id = firstRevision("image-classifier", "v1");
        given().get(REVISIONS + "/{revision}", "image-classifier", "v1", id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("success"))
                .body("hasRequestMethod", is(true))
                .body("createdBy", notNullValue());
    }

    @Test
    void unknownRevisionIsNotFound() {
        given().get(REVISIONS + "/{revision}", "image-classifier", "v1", UNKNOWN_ID)
                .then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("Revision was not found"));
    }

    // ---- upload

    @Test
    void uploadedPackageBecomesARevisionThatBuildsAndDownloadsUnchanged() throws Exception {
        byte[] zip = randomPackage(3 * 1024 * 1024 + 11);
        ExtractableResponse<Response> created = given()
                .multiPart("file", "model.zip", zip, "application/zip")
                .post(REVISIONS, "text-summarizer", "v1")
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("version", equalTo("v1"))
                .body("status", oneOf("queued", "building"))
                .body("buildId", notNullValue())
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(
                "/api/v1/projects/demo-project/deployments/text-summarizer/versions/v1/revisions/" + id),
                created.header("Location"));
        assertEquals(1, emulator.journal().count("revisions_file_upload"));

        assertEquals("success", finalBuildStatus("text-summarizer", "v1", created.path("buildId")));
        given().get(REVISIONS + "/{revision}", "text-summarizer", "v1", id)
                .then().statusCode(200).body("status", equalTo("success"));

        ExtractableResponse<Response> download = given().get(REVISIONS + "/{revision}/file", "text-summarizer", "v1", id)
                .then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", startsWith("attachment; filename=\"model.zip\""))
                .header("Content-Length", String.valueOf(zip.length))
                .header("Transfer-Encoding", nullValue())
                .extract();
        assertArrayEquals(zip, download.asByteArray());
    }

    @Test
    void uploadedFileNameIsReducedToOneSafeSegment() {
        String id = given().multiPart("file", "../../my model (v2).zip", randomPackage(1000), "application/zip")
                .post(REVISIONS, "churn-model", "v1")
                .then().statusCode(201).extract().path("id");
        given().get(REVISIONS + "/{revision}/file", "churn-model", "v1", id)
                .then().statusCode(200)
                .header("Content-Disposition", startsWith("attachment; filename=\"my_model__v2_.zip\""));
    }

    @Test
    void multipartMayNameASourceInsteadOfAFile() {
        given().multiPart("sourceDeployment", "image-classifier").multiPart("sourceVersion", "v1")
                .post(REVISIONS, "churn-model", "v1")
                .then().statusCode(201).body("buildId", notNullValue());
        assertEquals(1, emulator.journal().count("revisions_file_upload"));
    }

    @Test
    void multipartWithoutFileOrSourceIsRefusedBeforeUpstream() {
        given().multiPart("note", "nothing here")
                .post(REVISIONS, "churn-model", "v1")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("file"));
        assertEquals(List.of(), journal());
    }

    @Test
    void multipartWithFileAndTemplateIsRefusedBeforeUpstream() {
        given().multiPart("file", "model.zip", randomPackage(100), "application/zip")
                .multiPart("templateId", UNKNOWN_ID)
                .post(REVISIONS, "churn-model", "v1")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("templateId"));
        assertEquals(List.of(), journal());
    }

    @Test
    void uploadToABadNameIsRefusedBeforeUpstream() {
        given().multiPart("file", "model.zip", randomPackage(100), "application/zip")
                .post(REVISIONS, "churn-model", "V1")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("version"));
        assertEquals(List.of(), journal());
    }

    // ---- copy from a source or a template (JSON, form)

    @Test
    void revisionCanBeCopiedFromAnotherVersion() {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("sourceDeployment", "image-classifier", "sourceVersion", "v1"))
                .post(REVISIONS, "churn-model", "v1")
                .then().statusCode(201)
                .header("Location", endsWith("/revisions/" + given().get(REVISIONS, "churn-model", "v1")
                        .then().extract().path("[1].id")))
                .extract().path("id");
        given().get(REVISIONS + "/{revision}/file", "churn-model", "v1", id)
                .then().statusCode(200)
                .header("Content-Disposition", startsWith("attachment; filename=\"image-classifier-v1.zip\""));
    }

    @Test
    void revisionCanBeTakenFromATemplate() {
        String templateId = given().get("/api/v1/templates").then().statusCode(200).extract().path("[0].id");
        given().contentType(ContentType.JSON).body(Map.of("templateId", templateId))
                .post(REVISIONS, "churn-model", "v1")
                .then().statusCode(201).body("version", equalTo("v1"));
        assertEquals(2, given().get(REVISIONS, "churn-model", "v1").then().extract().jsonPath().getList("$").size());
    }

    @Test
    void revisionCanBeCopiedWithAForm() {
        given().contentType(ContentType.URLENC)
                .formParam("sourceDeployment", "image-classifier").formParam("sourceVersion", "v1")
                .post(REVISIONS, "churn-model", "v1")
                .then().statusCode(201).body("buildId", notNullValue());
        assertEquals(1, emulator.journal().count("revisions_file_upload"));
    }

    @Test
    void formWithOnlyATemplateOfTheWrongShapeIsRefused() {
        given().contentType(ContentType.URLENC).formParam("templateId", "nope")
                .post(REVISIONS, "churn-model", "v1")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("templateId"));
        assertEquals(List.of(), journal());
    }

    @Test
    void jsonNamingNothingIsRefusedBeforeUpstream() {
        given().contentType(ContentType.JSON).body("{}")
                .post(REVISIONS, "churn-model", "v1")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("sourceDeployment"));
        assertEquals(List.of(), journal());
    }

    @Test
    void jsonNamingASourceAndATemplateIsRefusedBeforeUpstream() {
        given().contentType(ContentType.JSON)
                .body(Map.of("sourceDeployment", "image-classifier", "sourceVersion", "v1", "templateId", UNKNOWN_ID))
                .post(REVISIONS, "churn-model", "v1")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("templateId"))
                .body("violations[0].message", startsWith("give only one of"));
        assertEquals(List.of(), journal());
    }

    @Test
    void jsonWithOnlySourceDeploymentIsRefusedBeforeUpstream() {
        given().contentType(ContentType.JSON).body(Map.of("sourceDeployment", "image-classifier"))
                .post(REVISIONS, "churn-model", "v1")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("sourceVersion"));
        assertEquals(List.of(), journal());
    }

    @Test
    void jsonWithABadSourceNameIsRefusedBeforeUpstream() {
        given().contentType(ContentType.JSON).body(Map.of("sourceDeployment", "Image", "sourceVersion", "v1"))
                .post(REVISIONS, "churn-model", "v1")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("sourceDeployment"));
        assertEquals(List.of(), journal());
    }

    @Test
    void unknownFieldMalformedJsonAndWrongContentTypeAreClearClientErrors() {
        given().contentType(ContentType.JSON).body(Map.of("source", "image-classifier"))
                .post(REVISIONS, "churn-model", "v1")
                .then().statusCode(400).contentType(PROBLEM).body("detail", equalTo("Unknown field 'source'"));
        given().contentType(ContentType.JSON).body("{\"templateId\":")
                .post(REVISIONS, "churn-model", "v1")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.TEXT).body("image-classifier")
                .post(REVISIONS, "churn-model", "v1")
                .then().statusCode(415).contentType(PROBLEM);
        assertEquals(List.of(), journal());
    }

    @Test
    void unknownSourceVersionIsUpstreamsNotFound() {
        given().contentType(ContentType.JSON).body(Map.of("sourceDeployment", "image-classifier", "sourceVersion", "v7"))
                .post(REVISIONS, "churn-model", "v1")
                .then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("Version was not found"));
    }

    // ---- download, rebuild, builds

    @Test
    void downloadOfAnUnknownRevisionIsANotFoundProblemNotABrokenStream() {
        given().get(REVISIONS + "/{revision}/file", "image-classifier", "v1", UNKNOWN_ID)
                .then().statusCode(404).contentType(PROBLEM)
                .body("status", is(404))
                .body("detail", equalTo("Revision was not found"));
        assertEquals(404, emulator.journal().entries("revisions_file_download").get(0).status());
    }

    @Test
    void downloadWithABadRevisionIdIsRefusedBeforeUpstream() {
        given().get(REVISIONS + "/{revision}/file", "image-classifier", "v1", "nope")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("revision"));
        assertEquals(List.of(), journal());
    }

    @Test
    void rebuildStartsANewBuild() throws Exception {
        String id = firstRevision("image-classifier", "v1");
        given().post(REVISIONS + "/{revision}/rebuild", "image-classifier", "v1", id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("queued"));
        assertEquals(1, emulator.journal().count("revisions_rebuild"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        String status;
        do {
            Thread.sleep(100);
            status = given().get(REVISIONS + "/{revision}", "image-classifier", "v1", id).then().extract().path("status");
        } while (!status.equals("success") && System.nanoTime() < deadline);
        assertEquals("success", status);
    }

    @Test
    void rebuildOfAnUnknownRevisionIsNotFound() {
        given().post(REVISIONS + "/{revision}/rebuild", "image-classifier", "v1", UNKNOWN_ID)
                .then().statusCode(404).contentType(PROBLEM).body("detail", equalTo("Revision was not found"));
    }

    @Test
    void failedBuildSaysWhy() {
        String failed = given().get(REVISIONS, "image-classifier", "v2").then().extract().path("[1].id");
        // The first build of a revision shares its id (upstream's documented convention).
        given().get(VERSION + "/builds/{build}", "image-classifier", "v2", failed)
                .then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("revisionId", equalTo(failed))
                .body("errorMessage", notNullValue())
                .body("trigger", notNullValue())
                .body("createdAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*"));
    }

    @Test
    void unknownBuildIsNotFoundAndABadIdIsRefused() {
        given().get(VERSION + "/builds/{build}", "image-classifier", "v2", UNKNOWN_ID)
                .then().statusCode(404).contentType(PROBLEM).body("detail", equalTo("Build was not found"));
        given().get(VERSION + "/builds/{build}", "image-classifier", "v2", "latest")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("build"));
        assertEquals(1, journal().size());
    }
}
