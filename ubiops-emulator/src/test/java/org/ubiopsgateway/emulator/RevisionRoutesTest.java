package org.ubiopsgateway.emulator;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevisionRoutesTest extends DeploymentEmulatorTestBase {

    private static final String FRESH = DEPLOYMENTS + "/fresh/versions/v1";
    private static final byte[] PACKAGE = "PK\u0003\u0004 not really a zip, but bytes to compare".getBytes();

    private static RequestSpecification multipart() {
        return RestAssured.given().baseUri(emulator.baseUrl()).header("Authorization", "Token " + emulator.token());
    }

    private static String uploadPackage(String versionPath) {
        return multipart().multiPart("file", "model.zip", PACKAGE, "application/zip")
                .post(versionPath + "/revisions").then().statusCode(201)
                .body("success", equalTo(true)).body("revision", notNullValue())
                .extract().path("revision");
    }

    private static String waitForBuild(String versionPath, String buildId) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        String status;
        do {
            Thread.sleep(50);
            status = api().get(versionPath + "/builds/" + buildId).then().statusCode(200).extract().path("status");
        } while (!"success".equals(status) && !"failed".equals(status) && System.nanoTime() < deadline);
        return status;
    }

    @Test
    void uploadedPackageIsBuiltThenBecomesActiveAndDownloadsUnchanged() throws Exception {
        createPlainDeployment("fresh");
        createVersion(DEPLOYMENTS + "/fresh", "v1");
        Response answer = multipart().multiPart("file", "model.zip", PACKAGE, "application/zip").post(FRESH + "/revisions");
        answer.then().statusCode(201);
        String revision = answer.path("revision");
        assertEquals(revision, answer.path("build"));
        api().get(FRESH + "/revisions/" + revision).then().body("status", equalTo("queued"))
                .body("version", equalTo("v1")).body("created_by", notNullValue());
        api().get(FRESH).then().body("latest_revision", equalTo(revision)).body("status", equalTo("unavailable"))
                .body("last_file_upload", notNullValue());

        assertEquals("success", waitForBuild(FRESH, revision));
        api().get(FRESH + "/revisions/" + revision).then().body("status", equalTo("success"))
                .body("has_request_method", equalTo(true)).body("error_message", equalTo(""));
        api().get(FRESH).then().body("active_revision", equalTo(revision)).body("status", equalTo("available"))
                .body("has_request_method", equalTo(true));
        api().get(FRESH + "/revisions").then().body("id", contains(revision));

        Response download = multipart().get(FRESH + "/revisions/" + revision + "/download");
        download.then().statusCode(200).header("Content-Disposition", equalTo("attachment; filename=\"model.zip\""));
        assertArrayEquals(PACKAGE, download.asByteArray());
    }

    @Test
    void uploadNeedsAFileOrBothSourcePartsOrATemplate() {
        String v1 = DEPLOYMENTS + "/image-classifier/versions/v1";
        multipart().multiPart("something", "else").post(v1 + "/revisions").then().statusCode(400)
                .body("error", containsString("Either file"));
        multipart().multiPart("source_deployment", "image-classifier").post(v1 + "/revisions").then().statusCode(400)
                .body("error", containsString("together"));
        multipart().multiPart("source_version", "v2").post(v1 + "/revisions").then().statusCode(400);
        multipart().multiPart("file", "a.zip", PACKAGE).multiPart("template_deployment_id", "x")
                .post(v1 + "/revisions").then().statusCode(400);
        api(new JsonObject()).post(v1 + "/revisions").then().statusCode(400);
        api().get(v1 + "/revisions").then().body("", hasSize(2));
    }

    @Test
    void copyFromASourceVersionTakesItsActivePackage() throws IOException {
        String v1 = DEPLOYMENTS + "/image-classifier/versions/v1";
        String v2 = DEPLOYMENTS + "/image-classifier/versions/v2";
        String copied = multipart().multiPart("source_deployment", "image-classifier").multiPart("source_version", "v1")
                .post(v2 + "/revisions").then().statusCode(201).extract().path("revision");
        String sourceActive = api().get(v1).then().extract().path("active_revision");
        byte[] original = multipart().get(v1 + "/revisions/" + sourceActive + "/download").then().statusCode(200)
                .extract().asByteArray();
        multipart().get(v2 + "/revisions/" + copied + "/download").then().statusCode(200)
                .header("Content-Disposition", containsString("image-classifier-v1.zip"));
        assertArrayEquals(original, multipart().get(v2 + "/revisions/" + copied + "/download").asByteArray());
        assertTrue(original.length > 0);
        multipart().multiPart("source_deployment", "nope").multiPart("source_version", "v1")
                .post(v2 + "/revisions").then().statusCode(404);
    }

    @Test
    void templateBecomesARevision() throws InterruptedException {
        String templateId = api().get("/template-deployments").then().extract().path("[0].id");
        String v1 = DEPLOYMENTS + "/text-summarizer/versions/v1";
        String revision = multipart().multiPart("template_deployment_id", templateId).post(v1 + "/revisions").then()
                .statusCode(201).extract().path("revision");
        assertEquals("success", waitForBuild(v1, revision));
        byte[] zip = multipart().get(v1 + "/revisions/" + revision + "/download").then().statusCode(200)
                .header("Content-Type", "application/zip").extract().asByteArray();
        assertEquals('P', zip[0]);
        multipart().multiPart("template_deployment_id", "unknown").post(v1 + "/revisions").then().statusCode(404);
    }

    @Test
    void rebuildCreatesANewBuildOfTheRevision() throws InterruptedException {
        String v1 = DEPLOYMENTS + "/image-classifier/versions/v1";
        String revision = api().get(v1).then().extract().path("latest_revision");
        api(new JsonObject()).post(v1 + "/revisions/" + revision + "/rebuild").then().statusCode(201)
                .body("id", equalTo(revision)).body("status", equalTo("queued"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        String status;
        do {
            Thread.sleep(50);
            status = api().get(v1 + "/revisions/" + revision).then().extract().path("status");
        } while (!"success".equals(status) && System.nanoTime() < deadline);
        assertEquals("success", status);
        api(new JsonObject()).post(v1 + "/revisions/unknown/rebuild").then().statusCode(404)
                .body("error", equalTo("Revision was not found"));
    }

    @Test
    void unknownRevisionsBuildsAndFilesAreNotFound() {
        String v1 = DEPLOYMENTS + "/image-classifier/versions/v1";
        api().get(v1 + "/revisions/nope").then().statusCode(404);
        api().get(v1 + "/builds/nope").then().statusCode(404).body("error", equalTo("Build was not found"));
        multipart().get(v1 + "/revisions/nope/download").then().statusCode(404);
    }

    @Test
    void seededRevisionKeepsTheDocumentsOddTimestamp() {
        String v1 = DEPLOYMENTS + "/churn-model/versions/v1";
        List<String> dates = api().get(v1 + "/revisions").then().extract().path("creation_date");
        assertEquals(List.of(DeploymentSeed.ODD_TIMESTAMP), dates);
        String revision = api().get(v1).then().body("last_updated", equalTo(DeploymentSeed.ODD_TIMESTAMP))
                .extract().path("latest_revision");
        api().get(v1 + "/builds/" + revision).then().body("creation_date", equalTo(DeploymentSeed.ODD_TIMESTAMP));
    }

    @Test
    void uploadedFilesLandInTheUploadsDirectory() throws IOException {
        long before;
        try (var files = Files.list(emulator.uploads())) {
            before = files.count();
        }
        uploadPackage(DEPLOYMENTS + "/text-summarizer/versions/v1");
        try (var files = Files.list(emulator.uploads())) {
            List<Path> all = files.toList();
            assertEquals(before + 1, all.size());
            assertTrue(all.stream().anyMatch(p -> {
                try {
                    return Arrays.equals(PACKAGE, Files.readAllBytes(p));
                } catch (IOException e) {
                    return false;
                }
            }));
        }
    }
}
