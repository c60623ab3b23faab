package org.ubiopsgateway.gateway.deployments;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ubiopsgateway.gateway.deployments.GatewayAssertions.malformedAtEdge;
import static org.ubiopsgateway.gateway.deployments.GatewayAssertions.reachedUpstreamOnce;
import static org.ubiopsgateway.gateway.deployments.GatewayAssertions.rejectedAtEdge;
import static org.ubiopsgateway.gateway.deployments.GatewayAssertions.upstreamAnswered;

/** {@code /api/v1/projects/{project}/deployments/{deployment}/versions[/{version}]} over HTTP, against the emulator. */
@QuarkusTest
class VersionsResourceTest {

    static final String VERSIONS = "/api/v1/projects/{project}/deployments/{deployment}/versions";
    static final String VERSION = VERSIONS + "/{version}";
    static final String DEPLOYMENT = "/api/v1/projects/{project}/deployments/{deployment}";
    static final String PROJECT = "demo-project";
    static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    @Inject
    UbiOpsEmulator emulator;

    static RequestSpecification json(String body) {
        return given().contentType(ContentType.JSON).body(body);
    }

    /** A version of image-classifier created with {@code body}, rejected before upstream for {@code field}. */
    void createRejected(String body, String field) {
        rejectedAtEdge(json(body).post(VERSIONS, PROJECT, "image-classifier").then(), emulator, field);
    }

    void createMalformed(String body, String detailPart) {
        malformedAtEdge(json(body).post(VERSIONS, PROJECT, "image-classifier").then(), emulator, detailPart);
    }

    // ---- list

    @Test
    void listShowsTheVersionsWithGroupedSettingsAndTheDefault() {
        given().get(VERSIONS, PROJECT, "image-classifier").then()
                .statusCode(200)
                .body("version", contains("v1", "v2"))
                .body("default", contains(true, false))
                .body("deployment", everyItem(equalTo("image-classifier")))
                .body("[1].scaling.strategy", equalTo("moderate"))
                .body("[1].scaling.minimumInstances", equalTo(1))
                .body("[1].scaling.maximumInstances", equalTo(5))
                .body("[1].retention.mode", equalTo("full"))
                .body("[1].queue.batchSize", equalTo(100000))
                .body("[1].network.staticIp", equalTo(false))
                .body("[1].environment", equalTo("python3-12"))
                .body("[1].status", equalTo("available"))
                .body("[1].instanceTypeGroup", nullValue()) // upstream's list does not carry it
                .body("[1]", not(hasKey("instanceType")))
                .body("[1]", not(hasKey("maximum_instances")))
                .body("[1]", not(hasKey("minimumInstances")));
    }

    @Test
    void listFiltersByLabels() {
        given().queryParam("labels", "stage:canary").get(VERSIONS, PROJECT, "image-classifier").then()
                .statusCode(200)
                .body("version", contains("v2"));
    }

    @Test
    void listRefusesAMalformedLabelFilter() {
        rejectedAtEdge(given().queryParam("labels", ":canary").get(VERSIONS, PROJECT, "image-classifier").then(),
                emulator, "labels");
    }

    @Test
    void listOfAnUnknownDeploymentIsUpstreamsNotFound() {
        upstreamAnswered(given().get(VERSIONS, PROJECT, "no-such-deployment").then(), 404, "Deployment was not found");
    }

    @Test
    void listRefusesAnInvalidDeploymentName() {
        rejectedAtEdge(given().get(VERSIONS, PROJECT, "9lives").then(), emulator, "deployment");
    }

    // ---- get

    @Test
    void getShowsRevisionsStatusEnvironmentInstanceTypeAndTimestamps() {
        given().get(VERSION, PROJECT, "churn-model", "v1").then()
                .statusCode(200)
                .body("id", matchesPattern(UUID))
                .body("version", equalTo("v1"))
                .body("default", equalTo(true))
                .body("$", not(hasKey("isDefault")))
                .body("status", equalTo("available"))
                .body("activeRevision", matchesPattern(UUID))
                .body("latestRevision", matchesPattern(UUID))
                .body("environment", equalTo("python3-8"))
                .body("environmentDisplayName", equalTo("Python 3.8"))
                .body("instanceTypeGroup.name", equalTo("512mb"))
                .body("instanceTypeGroup.id", matchesPattern(UUID))
                .body("scaling", equalTo(Map.of("minimumInstances", 0, "maximumInstances", 5, "maximumIdleTime", 300,
                        "strategy", "default", "instanceProcesses", 1)))
                .body("retention", equalTo(Map.of("mode", "metadata", "time", 604800)))
                .body("queue", equalTo(Map.of("expressSize", 100, "batchSize", 100000)))
                .body("network.ports", equalTo(List.of()))
                .body("restartRequestInterruption", equalTo(false))
                .body("hasRequestMethod", notNullValue())
                .body("creationDate", equalTo("2020-05-12T16:23:15.456812Z"))
                // upstream's own odd value (76 seconds) passes through as given
                .body("lastUpdated", equalTo("2020-06-22T18:04:76.123754Z"))
                .body("lastFileUpload", equalTo("2020-06-22T18:04:76.123754Z"));
    }

    @Test
    void getOfAnUnknownVersionIsUpstreamsNotFound() {
        upstreamAnswered(given().get(VERSION, PROJECT, "churn-model", "v9").then(), 404, "Version was not found");
    }

    @Test
    void getRefusesAnInvalidVersionName() {
        rejectedAtEdge(given().get(VERSION, PROJECT, "churn-model", "V1").then(), emulator, "version");
    }

    // ---- create

    @Test
    void createAnswers201WithLocationAndUpstreamDefaults() {
        json("{\"version\": \"v3\"}").post(VERSIONS, PROJECT, "image-classifier").then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/projects/demo-project/deployments/image-classifier/versions/v3"))
                .body("version", equalTo("v3"))
                .body("default", equalTo(false))
                .body("status", equalTo("unavailable"))
                .body("activeRevision", nullValue())
                .body("latestRevision", nullValue())
                .body("scaling.maximumInstances", equalTo(5))
                .body("scaling.maximumIdleTime", equalTo(300))
                .body("retention.mode", equalTo("full"));
        given().get(VERSION, PROJECT, "image-classifier", "v3").then().statusCode(200).body("version", equalTo("v3"));
    }

    @Test
    void createSendsEveryGroupedSetting() {
        json("""
                {"version": "v3", "description": "Bigger", "environment": "python3-12",
                 "instanceTypeGroup": {"name": "2048mb"},
                 "scaling": {"minimumInstances": 1, "maximumInstances": 3, "maximumIdleTime": 600,
                             "strategy": "moderate", "instanceProcesses": 2},
                 "retention": {"mode": "none", "time": 3600},
                 "queue": {"expressSize": 10, "batchSize": 20},
                 "network": {"staticIp": true, "ports": [{"publicPort": 2222, "deploymentPort": 22, "protocol": "tcp"}]},
                 "restartRequestInterruption": true,
                 "labels": {"stage": "experiment"}}""")
                .post(VERSIONS, PROJECT, "image-classifier").then()
                .statusCode(201)
                .body("description", equalTo("Bigger"))
                .body("environment", equalTo("python3-12"))
                .body("environmentDisplayName", equalTo("Python 3.12"))
                .body("instanceTypeGroup.name", equalTo("2048mb"))
                .body("scaling", equalTo(Map.of("minimumInstances", 1, "maximumInstances", 3, "maximumIdleTime", 600,
                        "strategy", "moderate", "instanceProcesses", 2)))
                .body("retention", equalTo(Map.of("mode", "none", "time", 3600)))
                .body("queue", equalTo(Map.of("expressSize", 10, "batchSize", 20)))
                .body("network.staticIp", equalTo(true))
                .body("network.ports[0]", equalTo(Map.of("publicPort", 2222, "deploymentPort", 22, "protocol", "tcp")))
                .body("restartRequestInterruption", equalTo(true))
                .body("labels", equalTo(Map.of("stage", "experiment")));
        reachedUpstreamOnce(emulator, "deployment_versions_create");
    }

    @Test
    void theFirstVersionBecomesTheDeploymentsDefault() {
        json("""
                {"name": "fresh", "inputType": "plain", "outputType": "plain"}""")
                .post("/api/v1/projects/{project}/deployments", PROJECT).then().statusCode(201);
        given().get(DEPLOYMENT, PROJECT, "fresh").then().statusCode(200).body("defaultVersion", nullValue());

        json("{\"version\": \"v1\"}").post(VERSIONS, PROJECT, "fresh").then()
                .statusCode(201)
                .header("Location", endsWith("/deployments/fresh/versions/v1"))
                .body("default", equalTo(true));
        json("{\"version\": \"v2\"}").post(VERSIONS, PROJECT, "fresh").then()
                .statusCode(201)
                .body("default", equalTo(false));

        given().get(DEPLOYMENT, PROJECT, "fresh").then().statusCode(200).body("defaultVersion", equalTo("v1"));
    }

    @Test
    void createOfAnExistingVersionIsAConflict() {
        upstreamAnswered(json("{\"version\": \"v2\"}").post(VERSIONS, PROJECT, "image-classifier").then(),
                409, "already exists");
    }

    @Test
    void createOnAnUnknownDeploymentIsUpstreamsNotFound() {
        upstreamAnswered(json("{\"version\": \"v1\"}").post(VERSIONS, PROJECT, "no-such-deployment").then(),
                404, "Deployment was not found");
    }

    @Test
    void createOnAnUnknownInstanceTypeGroupIsUpstreamsBadRequest() {
        upstreamAnswered(json("{\"version\": \"v3\", \"instanceTypeGroup\": {\"name\": \"64tb\"}}")
                .post(VERSIONS, PROJECT, "image-classifier").then(), 400, "'64tb' was not found");
    }

    @Test
    void createRefusesAMissingOrInvalidVersionName() {
        createRejected("{\"description\": \"no name\"}", "version");
        createRejected("{\"version\": \"Version 3\"}", "version");
        createRejected("{\"version\": \"" + "v".repeat(65) + "\"}", "version");
    }

    @Test
    void createRefusesSettingsOutOfUpstreamsRanges() {
        createRejected("{\"version\": \"v3\", \"scaling\": {\"maximumIdleTime\": 5}}", "scaling.maximumIdleTime");
        createRejected("{\"version\": \"v3\", \"scaling\": {\"maximumIdleTime\": 3601}}", "scaling.maximumIdleTime");
        createRejected("{\"version\": \"v3\", \"scaling\": {\"minimumInstances\": -1}}", "scaling.minimumInstances");
        createRejected("{\"version\": \"v3\", \"scaling\": {\"instanceProcesses\": 0}}", "scaling.instanceProcesses");
        createRejected("{\"version\": \"v3\", \"retention\": {\"time\": -1}}", "retention.time");
        createRejected("{\"version\": \"v3\", \"queue\": {\"batchSize\": -5}}", "queue.batchSize");
        createRejected("{\"version\": \"v3\", \"description\": \"" + "d".repeat(401) + "\"}", "description");
    }

    @Test
    void createRefusesAMinimumAboveTheMaximum() {
        createRejected("{\"version\": \"v3\", \"scaling\": {\"minimumInstances\": 4, \"maximumInstances\": 2}}",
                "scaling.minimumInstances");
    }

    @Test
    void createRefusesInvalidPorts() {
        createRejected("""
                {"version": "v3", "network": {"ports": [{"publicPort": 70000, "deploymentPort": 22, "protocol": "tcp"}]}}""",
                "network.ports[0].publicPort");
        createRejected("""
                {"version": "v3", "network": {"ports": [{"publicPort": 22, "protocol": "udp"}]}}""",
                "network.ports[0].deploymentPort");
        createMalformed("""
                {"version": "v3", "network": {"ports": [{"publicPort": 22, "deploymentPort": 22, "protocol": "icmp"}]}}""",
                "allowed: tcp, udp");
    }

    @Test
    void createRefusesAnInstanceTypeGroupWithoutIdOrName() {
        createRejected("{\"version\": \"v3\", \"instanceTypeGroup\": {}}", "instanceTypeGroup");
        createRejected("{\"version\": \"v3\", \"instanceTypeGroup\": {\"id\": \"512mb\"}}", "instanceTypeGroup.id");
    }

    @Test
    void createRefusesAnInvalidEnvironment() {
        createRejected("{\"version\": \"v3\", \"environment\": \" \"}", "environment");
    }

    @Test
    void createRefusesUnknownRetentionModesAndScalingStrategies() {
        createMalformed("{\"version\": \"v3\", \"retention\": {\"mode\": \"partial\"}}",
                "Field 'retention.mode' has an invalid value 'partial'; allowed: none, metadata, full");
        createMalformed("{\"version\": \"v3\", \"scaling\": {\"strategy\": \"fast\"}}", "allowed: default, moderate");
    }

    @Test
    void createRefusesDeprecatedAndUnknownFields() {
        createMalformed("{\"version\": \"v3\", \"instanceType\": \"512mb\"}", "Unknown field 'instanceType'");
        createMalformed("{\"version\": \"v3\", \"maximumInstances\": 3}", "Unknown field 'maximumInstances'");
    }

    @Test
    void createRefusesMalformedJsonAndWrongContentType() {
        createMalformed("{\"version\": ", "not valid JSON");
        given().contentType("application/xml").body("<version>v3</version>")
                .post(VERSIONS, PROJECT, "image-classifier").then()
                .statusCode(415)
                .contentType("application/problem+json");
        assertEquals(0, emulator.journal().size());
    }

    // ---- update

    @Test
    void updateChangesOnlyTheGivenSettings() {
        json("""
                {"scaling": {"maximumInstances": 2}, "retention": {"mode": "metadata"}, "description": "Canary"}""")
                .patch(VERSION, PROJECT, "image-classifier", "v2").then()
                .statusCode(200)
                .body("scaling.maximumInstances", equalTo(2))
                .body("scaling.minimumInstances", equalTo(1))
                .body("scaling.strategy", equalTo("moderate"))
                .body("retention.mode", equalTo("metadata"))
                .body("retention.time", equalTo(604800))
                .body("description", equalTo("Canary"))
                .body("labels.stage", equalTo("canary"));
        given().get(VERSION, PROJECT, "image-classifier", "v2").then()
                .body("scaling.maximumInstances", equalTo(2))
                .body("retention.mode", equalTo("metadata"));
    }

    @Test
    void updateRenamesTheVersionKeepingItTheDefault() {
        json("{\"version\": \"stable\"}").patch(VERSION, PROJECT, "image-classifier", "v1").then()
                .statusCode(200)
                .body("version", equalTo("stable"))
                .body("default", equalTo(true));
        given().get(VERSION, PROJECT, "image-classifier", "stable").then().statusCode(200);
        given().get(VERSION, PROJECT, "image-classifier", "v1").then().statusCode(404);
        given().get(DEPLOYMENT, PROJECT, "image-classifier").then().body("defaultVersion", equalTo("stable"));
    }

    @Test
    void updateToATakenNameIsAConflict() {
        upstreamAnswered(json("{\"version\": \"v2\"}").patch(VERSION, PROJECT, "image-classifier", "v1").then(),
                409, "already exists");
    }

    @Test
    void updateOfAMinimumAboveTheStoredMaximumIsUpstreamsBadRequest() {
        upstreamAnswered(json("{\"scaling\": {\"minimumInstances\": 9}}")
                .patch(VERSION, PROJECT, "image-classifier", "v1").then(), 400, "minimum_instances");
    }

    @Test
    void updateOfAnUnknownVersionIsUpstreamsNotFound() {
        upstreamAnswered(json("{\"description\": \"x\"}").patch(VERSION, PROJECT, "image-classifier", "v9").then(),
                404, "Version was not found");
    }

    @Test
    void updateRefusesInvalidSettings() {
        rejectedAtEdge(json("{\"version\": \"-v\"}").patch(VERSION, PROJECT, "image-classifier", "v1").then(),
                emulator, "version");
        rejectedAtEdge(json("{\"scaling\": {\"maximumIdleTime\": 1}}")
                .patch(VERSION, PROJECT, "image-classifier", "v1").then(), emulator, "scaling.maximumIdleTime");
        rejectedAtEdge(json("{\"labels\": {\"stage\": null}}")
                .patch(VERSION, PROJECT, "image-classifier", "v1").then(), emulator, "labels[stage]");
        malformedAtEdge(json("{\"retention\": {\"mode\": \"FULL\"}}")
                .patch(VERSION, PROJECT, "image-classifier", "v1").then(), emulator, "allowed: none, metadata, full");
        malformedAtEdge(json("{\"request_retention_mode\": \"full\"}")
                .patch(VERSION, PROJECT, "image-classifier", "v1").then(), emulator, "Unknown field");
    }

    // ---- delete

    @Test
    void deleteAnswers204AndTheVersionIsGone() {
        given().delete(VERSION, PROJECT, "image-classifier", "v2").then()
                .statusCode(204)
                .body(equalTo(""));
        given().get(VERSION, PROJECT, "image-classifier", "v2").then().statusCode(404);
        given().get(VERSIONS, PROJECT, "image-classifier").then().body("version", contains("v1"));
    }

    @Test
    void deletingTheDefaultVersionLeavesTheDeploymentWithoutOne() {
        given().delete(VERSION, PROJECT, "churn-model", "v1").then().statusCode(204);
        given().get(DEPLOYMENT, PROJECT, "churn-model").then().statusCode(200).body("defaultVersion", nullValue());
    }

    @Test
    void deleteOfAnUnknownVersionIsUpstreamsNotFound() {
        upstreamAnswered(given().delete(VERSION, PROJECT, "image-classifier", "v9").then(), 404, "Version was not found");
    }

    @Test
    void deleteRefusesAnInvalidVersionName() {
        rejectedAtEdge(given().delete(VERSION, PROJECT, "image-classifier", "v_2").then(), emulator, "version");
    }

}
