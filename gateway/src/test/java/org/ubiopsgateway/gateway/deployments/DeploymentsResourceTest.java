package org.ubiopsgateway.gateway.deployments;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ubiopsgateway.gateway.deployments.GatewayAssertions.malformedAtEdge;
import static org.ubiopsgateway.gateway.deployments.GatewayAssertions.reachedUpstreamOnce;
import static org.ubiopsgateway.gateway.deployments.GatewayAssertions.rejectedAtEdge;
import static org.ubiopsgateway.gateway.deployments.GatewayAssertions.upstreamAnswered;

/** {@code /api/v1/projects/{project}/deployments[/{deployment}]} over HTTP, against the embedded emulator. */
@QuarkusTest
class DeploymentsResourceTest {

    static final String DEPLOYMENTS = "/api/v1/projects/{project}/deployments";
    static final String DEPLOYMENT = DEPLOYMENTS + "/{deployment}";
    static final String PROJECT = "demo-project";

    static final String SCORER = """
            {"name": "scorer", "description": "Scores things", "inputType": "structured", "outputType": "plain",
             "inputFields": [{"name": "x", "dataType": "int", "widget": {"type": "slider", "configuration": {"min": 0, "max": 10}}},
                             {"name": "notes", "dataType": "string"}],
             "labels": {"team": "qa"}}""";

    @Inject
    UbiOpsEmulator emulator;

    static RequestSpecification json(String body) {
        return given().contentType(ContentType.JSON).body(body);
    }

    // ---- list

    @Test
    void listShowsTheSeededDeploymentsInThePublicShape() {
        given().get(DEPLOYMENTS, PROJECT).then()
                .statusCode(200)
                .body("name", containsInAnyOrder("image-classifier", "text-summarizer", "churn-model"))
                .body("find { it.name == 'image-classifier' }.inputType", equalTo("structured"))
                .body("find { it.name == 'image-classifier' }.inputFields[0].widget.type", equalTo("image_preview"))
                .body("find { it.name == 'image-classifier' }.labels.team", equalTo("vision"))
                .body("find { it.name == 'text-summarizer' }.outputFields", equalTo(List.of()))
                .body("[0]", not(hasKey("input_type")))
                // UbiOps lists deployments without their default version: left out, never a misleading null
                .body("findAll { it.containsKey('defaultVersion') }", equalTo(List.of()));
    }

    @Test
    void listFiltersByAnyOfTheGivenLabels() {
        given().queryParam("labels", "team:vision,team:nlp").get(DEPLOYMENTS, PROJECT).then()
                .statusCode(200)
                .body("name", containsInAnyOrder("image-classifier", "text-summarizer"));
        reachedUpstreamOnce(emulator, "deployments_list");
        assertEquals("labels=team:vision,team:nlp",
                URLDecoder.decode(emulator.journal().entries("deployments_list").get(0).query(),
                        StandardCharsets.UTF_8));
        given().queryParam("labels", "team:nobody").get(DEPLOYMENTS, PROJECT).then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void listRefusesALabelFilterThatIsNotKeyValuePairs() {
        rejectedAtEdge(given().queryParam("labels", "team").get(DEPLOYMENTS, PROJECT).then(), emulator, "labels");
        rejectedAtEdge(given().queryParam("labels", "team:vision,").get(DEPLOYMENTS, PROJECT).then(), emulator, "labels");
    }

    @Test
    void listOfAnUnknownProjectIsUpstreamsNotFound() {
        upstreamAnswered(given().get(DEPLOYMENTS, "no-such-project").then(), 404, "Project was not found");
    }

    @Test
    void listRefusesAnInvalidProjectName() {
        rejectedAtEdge(given().get(DEPLOYMENTS, "Demo_Project").then(), emulator, "project");
    }

    // ---- get

    @Test
    void getShowsTheDefaultVersionFieldsWidgetsAndIsoTimestamps() {
        given().get(DEPLOYMENT, PROJECT, "image-classifier").then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("id", notNullValue())
                .body("name", equalTo("image-classifier"))
                .body("project", equalTo(PROJECT))
                .body("description", equalTo("Classifies images into 1000 classes"))
                .body("defaultVersion", equalTo("v1"))
                .body("inputFields[0].dataType", equalTo("file"))
                .body("outputFields.name", hasItems("label", "confidence"))
                .body("outputFields[0].widget.type", equalTo("textbox"))
                .body("outputFields[1].widget", nullValue()) // upstream's {} for no widget
                .body("creationDate", equalTo("2024-03-01T09:00:00Z"))
                .body("labels", equalTo(Map.of("team", "vision", "stage", "production")));
    }

    @Test
    void getOfAnUnknownDeploymentIsUpstreamsNotFound() {
        upstreamAnswered(given().get(DEPLOYMENT, PROJECT, "no-such-deployment").then(), 404, "Deployment was not found");
    }

    @Test
    void getRefusesAnInvalidDeploymentName() {
        rejectedAtEdge(given().get(DEPLOYMENT, PROJECT, "Image_Classifier").then(), emulator, "deployment");
        rejectedAtEdge(given().get(DEPLOYMENT, PROJECT, "a".repeat(65)).then(), emulator, "deployment");
    }

    // ---- create

    @Test
    void createAnswers201WithLocationAndTheDeploymentIsThere() {
        json(SCORER).post(DEPLOYMENTS, PROJECT).then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/projects/demo-project/deployments/scorer"))
                .body("name", equalTo("scorer"))
                .body("inputType", equalTo("structured"))
                .body("outputType", equalTo("plain"))
                .body("inputFields[0].widget.configuration.max", equalTo(10))
                .body("inputFields[1].widget", nullValue())
                .body("outputFields.size()", equalTo(0))
                .body("defaultVersion", nullValue());
        reachedUpstreamOnce(emulator, "deployments_create");
        given().get(DEPLOYMENT, PROJECT, "scorer").then()
                .statusCode(200)
                .body("description", equalTo("Scores things"))
                .body("labels.team", equalTo("qa"))
                .body("defaultVersion", nullValue());
    }

    @Test
    void createAnswers201WithLocationForImageClassifier() {
        given().delete(DEPLOYMENT, PROJECT, "image-classifier").then().statusCode(204);
        json("""
                {"name": "image-classifier", "inputType": "plain", "outputType": "plain"}""")
                .post(DEPLOYMENTS, PROJECT).then()
                .statusCode(201)
                .header("Location", endsWith("/deployments/image-classifier"));
    }

    @Test
    void createOfAnExistingNameIsAConflict() {
        upstreamAnswered(json("""
                {"name": "churn-model", "inputType": "plain", "outputType": "plain"}""")
                .post(DEPLOYMENTS, PROJECT).then(), 409, "already exists");
    }

    @Test
    void createRefusesAnInvalidName() {
        rejectedAtEdge(json("""
                {"name": "Scorer!", "inputType": "plain", "outputType": "plain"}""")
                .post(DEPLOYMENTS, PROJECT).then(), emulator, "name");
    }

    @Test
    void createRefusesMissingRequiredFields() {
        rejectedAtEdge(json("""
                {"name": "scorer", "outputType": "plain"}""")
                .post(DEPLOYMENTS, PROJECT).then(), emulator, "inputType");
        rejectedAtEdge(json("""
                {"inputType": "plain", "outputType": "plain"}""")
                .post(DEPLOYMENTS, PROJECT).then(), emulator, "name");
    }

    @Test
    void createRefusesATooLongDescription() {
        rejectedAtEdge(json("""
                {"name": "scorer", "inputType": "plain", "outputType": "plain", "description": "%s"}"""
                .formatted("d".repeat(401))).post(DEPLOYMENTS, PROJECT).then(), emulator, "description");
    }

    @Test
    void createRefusesAStructuredTypeWithoutFields() {
        rejectedAtEdge(json("""
                {"name": "scorer", "inputType": "structured", "outputType": "plain"}""")
                .post(DEPLOYMENTS, PROJECT).then(), emulator, "inputFields");
    }

    @Test
    void createRefusesFieldsForAPlainType() {
        rejectedAtEdge(json("""
                {"name": "scorer", "inputType": "plain", "outputType": "plain",
                 "outputFields": [{"name": "y", "dataType": "int"}]}""")
                .post(DEPLOYMENTS, PROJECT).then(), emulator, "outputFields");
    }

    @Test
    void createRefusesRepeatedFieldNames() {
        rejectedAtEdge(json("""
                {"name": "scorer", "inputType": "structured", "outputType": "plain",
                 "inputFields": [{"name": "x", "dataType": "int"}, {"name": "x", "dataType": "double"}]}""")
                .post(DEPLOYMENTS, PROJECT).then(), emulator, "inputFields");
    }

    @Test
    void createRefusesAFieldWithoutNameOrDataType() {
        rejectedAtEdge(json("""
                {"name": "scorer", "inputType": "structured", "outputType": "plain",
                 "inputFields": [{"name": " ", "dataType": "int"}]}""")
                .post(DEPLOYMENTS, PROJECT).then(), emulator, "inputFields[0].name");
        rejectedAtEdge(json("""
                {"name": "scorer", "inputType": "structured", "outputType": "plain",
                 "inputFields": [{"name": "x"}]}""")
                .post(DEPLOYMENTS, PROJECT).then(), emulator, "inputFields[0].dataType");
    }

    @Test
    void createRefusesUnknownEnumerationValuesNamingTheAllowedOnes() {
        malformedAtEdge(json("""
                {"name": "scorer", "inputType": "tabular", "outputType": "plain"}""")
                .post(DEPLOYMENTS, PROJECT).then(), emulator, "allowed: structured, plain");
        malformedAtEdge(json("""
                {"name": "scorer", "inputType": "structured", "outputType": "plain",
                 "inputFields": [{"name": "x", "dataType": "integer"}]}""")
                .post(DEPLOYMENTS, PROJECT).then(), emulator, "inputFields[0].dataType");
    }

    @Test
    void createRefusesAnInputOnlyWidgetOnAnOutputField() {
        malformedAtEdge(json("""
                {"name": "scorer", "inputType": "plain", "outputType": "structured",
                 "outputFields": [{"name": "y", "dataType": "int", "widget": {"type": "slider"}}]}""")
                .post(DEPLOYMENTS, PROJECT).then(), emulator, "allowed: textbox, button, image_preview");
    }

    @Test
    void createRefusesAWidgetWithoutType() {
        rejectedAtEdge(json("""
                {"name": "scorer", "inputType": "structured", "outputType": "plain",
                 "inputFields": [{"name": "x", "dataType": "int", "widget": {"configuration": {}}}]}""")
                .post(DEPLOYMENTS, PROJECT).then(), emulator, "inputFields[0].widget.type");
    }

    @Test
    void createRefusesUnknownAndDeprecatedFields() {
        malformedAtEdge(json("""
                {"name": "scorer", "inputType": "plain", "outputType": "plain", "input_type": "plain"}""")
                .post(DEPLOYMENTS, PROJECT).then(), emulator, "Unknown field 'input_type'");
    }

    @Test
    void createRefusesMalformedJson() {
        malformedAtEdge(json("{\"name\": \"scorer\",").post(DEPLOYMENTS, PROJECT).then(), emulator, "not valid JSON");
    }

    @Test
    void createRefusesAnEmptyBody() {
        given().contentType(ContentType.JSON).post(DEPLOYMENTS, PROJECT).then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertEquals(0, emulator.journal().size());
    }

    @Test
    void createRefusesAWrongContentType() {
        given().contentType(ContentType.TEXT).body("name=scorer").post(DEPLOYMENTS, PROJECT).then()
                .statusCode(415)
                .contentType("application/problem+json");
        assertEquals(0, emulator.journal().size());
    }

    // ---- update

    @Test
    void updateRenamesAndReplacesLabelsLeavingTheRestAsItWas() {
        json("""
                {"name": "image-tagger", "labels": {"team": "platform"}}""")
                .patch(DEPLOYMENT, PROJECT, "image-classifier").then()
                .statusCode(200)
                .body("name", equalTo("image-tagger"))
                .body("labels", equalTo(Map.of("team", "platform")))
                .body("description", equalTo("Classifies images into 1000 classes"))
                .body("defaultVersion", equalTo("v1"));
        given().get(DEPLOYMENT, PROJECT, "image-tagger").then().statusCode(200).body("labels.team", equalTo("platform"));
        given().get(DEPLOYMENT, PROJECT, "image-classifier").then().statusCode(404);
    }

    @Test
    void updateChangesTheDefaultVersion() {
        json("""
                {"defaultVersion": "v2"}""").patch(DEPLOYMENT, PROJECT, "image-classifier").then()
                .statusCode(200)
                .body("defaultVersion", equalTo("v2"));
        given().get(DEPLOYMENT, PROJECT, "image-classifier").then().body("defaultVersion", equalTo("v2"));
    }

    @Test
    void updateReplacesFields() {
        json("""
                {"outputFields": [{"name": "label", "dataType": "string", "widget": {"type": "button"}}]}""")
                .patch(DEPLOYMENT, PROJECT, "image-classifier").then()
                .statusCode(200)
                .body("outputFields.size()", equalTo(1))
                .body("outputFields[0].widget.type", equalTo("button"));
    }

    @Test
    void updateToAVersionThatDoesNotExistIsUpstreamsBadRequest() {
        upstreamAnswered(json("""
                {"defaultVersion": "v9"}""").patch(DEPLOYMENT, PROJECT, "image-classifier").then(),
                400, "Version 'v9' does not exist");
    }

    @Test
    void updateToATakenNameIsAConflict() {
        upstreamAnswered(json("""
                {"name": "churn-model"}""").patch(DEPLOYMENT, PROJECT, "image-classifier").then(), 409, "already exists");
    }

    @Test
    void updateOfAnUnknownDeploymentIsUpstreamsNotFound() {
        upstreamAnswered(json("{\"description\": \"x\"}").patch(DEPLOYMENT, PROJECT, "no-such-deployment").then(),
                404, "Deployment was not found");
    }

    @Test
    void updateRefusesInvalidNamesAndRepeatedFieldNames() {
        rejectedAtEdge(json("{\"defaultVersion\": \"V2\"}").patch(DEPLOYMENT, PROJECT, "image-classifier").then(),
                emulator, "defaultVersion");
        rejectedAtEdge(json("{\"name\": \"-x\"}").patch(DEPLOYMENT, PROJECT, "image-classifier").then(),
                emulator, "name");
        rejectedAtEdge(json("""
                {"outputFields": [{"name": "y", "dataType": "int"}, {"name": "y", "dataType": "int"}]}""")
                .patch(DEPLOYMENT, PROJECT, "image-classifier").then(), emulator, "outputFields");
        rejectedAtEdge(json("{\"labels\": {\"\": \"x\"}}").patch(DEPLOYMENT, PROJECT, "image-classifier").then(),
                emulator, "labels[]");
    }

    // ---- delete

    @Test
    void deleteAnswers204AndTheDeploymentIsGone() {
        given().delete(DEPLOYMENT, PROJECT, "churn-model").then()
                .statusCode(204)
                .body(equalTo(""));
        given().get(DEPLOYMENT, PROJECT, "churn-model").then().statusCode(404);
        given().get(DEPLOYMENTS, PROJECT).then().body("name", not(hasItems("churn-model")));
    }

    @Test
    void deleteOfAnUnknownDeploymentIsUpstreamsNotFound() {
        upstreamAnswered(given().delete(DEPLOYMENT, PROJECT, "no-such-deployment").then(), 404,
                "Deployment was not found");
    }

    @Test
    void deleteRefusesAnInvalidName() {
        rejectedAtEdge(given().delete(DEPLOYMENT, "demo-project", "churn_model").then(), emulator, "deployment");
    }

    @Test
    void unknownMethodIs405() {
        given().put(DEPLOYMENT, PROJECT, "churn-model").then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("detail", containsString("does not support"));
    }
}
