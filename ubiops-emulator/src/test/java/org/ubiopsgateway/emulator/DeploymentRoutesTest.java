package org.ubiopsgateway.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

class DeploymentRoutesTest extends DeploymentEmulatorTestBase {

    private static JsonObject structured(String name) {
        return new JsonObject().put("name", name).put("input_type", "structured").put("output_type", "structured")
                .put("input_fields", new JsonArray().add(new JsonObject().put("name", "x").put("data_type", "int")
                        .put("widget", new JsonObject().put("type", "slider").put("configuration", new JsonObject().put("min", 0)))))
                .put("output_fields", new JsonArray().add(new JsonObject().put("name", "y").put("data_type", "double")))
                .put("labels", new JsonObject().put("team", "qa")).put("description", "Doubles x");
    }

    @Test
    void seededDeploymentsAreListedWithoutDefaultVersion() {
        api().get(DEPLOYMENTS).then().statusCode(200)
                .body("name", containsInAnyOrder("image-classifier", "text-summarizer", "churn-model"))
                .body("", everyItem(not(hasKey("default_version"))));
    }

    @Test
    void createdDeploymentCanBeReadListedUpdatedAndDeleted() {
        api(structured("doubler")).post(DEPLOYMENTS).then().statusCode(201)
                .body("name", equalTo("doubler")).body("project", equalTo("demo-project"))
                .body("input_fields[0].widget.type", equalTo("slider")).body("output_fields[0].widget", equalTo(java.util.Map.of()))
                .body("labels.team", equalTo("qa")).body("creation_date", notNullValue())
                .body("$", not(hasKey("default_version")));
        api().get(DEPLOYMENTS + "/doubler").then().statusCode(200)
                .body("description", equalTo("Doubles x")).body("default_version", nullValue());
        api().get(DEPLOYMENTS).then().body("name", hasItem("doubler"));

        api(new JsonObject().put("name", "tripler").put("description", "Triples").put("labels", new JsonObject().put("a", "b")))
                .patch(DEPLOYMENTS + "/doubler").then().statusCode(200)
                .body("name", equalTo("tripler")).body("description", equalTo("Triples")).body("labels", equalTo(java.util.Map.of("a", "b")));
        api().get(DEPLOYMENTS + "/doubler").then().statusCode(404).body("error", equalTo("Deployment was not found"));
        api().get(DEPLOYMENTS + "/tripler").then().statusCode(200);

        api().delete(DEPLOYMENTS + "/tripler").then().statusCode(204);
        api().get(DEPLOYMENTS + "/tripler").then().statusCode(404);
        api().get(DEPLOYMENTS).then().body("name", not(hasItem("tripler")));
    }

    @Test
    void invalidDeploymentsAreRejected() {
        api(structured("Bad_Name")).post(DEPLOYMENTS).then().statusCode(400).body("error", containsString("name"));
        api(structured("ok").put("input_type", "tabular")).post(DEPLOYMENTS).then().statusCode(400)
                .body("error", containsString("input_type"));
        JsonObject badType = structured("ok");
        badType.getJsonArray("output_fields").getJsonObject(0).put("data_type", "float");
        api(badType).post(DEPLOYMENTS).then().statusCode(400).body("error", containsString("data_type"));
        JsonObject badWidget = structured("ok");
        badWidget.getJsonArray("output_fields").getJsonObject(0).put("widget", new JsonObject().put("type", "slider"));
        api(badWidget).post(DEPLOYMENTS).then().statusCode(400).body("error", containsString("widget"));
        JsonObject noInputFields = structured("ok");
        noInputFields.remove("input_fields");
        api(noInputFields).post(DEPLOYMENTS).then().statusCode(400).body("error", containsString("input_fields"));
        api(new JsonObject().put("name", "ok").put("input_type", "plain").put("output_type", "plain")
                .put("input_fields", new JsonArray().add(new JsonObject().put("name", "x").put("data_type", "int"))))
                .post(DEPLOYMENTS).then().statusCode(400);
        api(structured("ok").put("description", "x".repeat(401))).post(DEPLOYMENTS).then().statusCode(400);
        api(structured("x".repeat(65))).post(DEPLOYMENTS).then().statusCode(400);
        api().get(DEPLOYMENTS).then().body("name", not(hasItem("ok")));
    }

    @Test
    void duplicateNameIsAConflict() {
        api(structured("image-classifier")).post(DEPLOYMENTS).then().statusCode(409).body("error", containsString("already exists"));
        api(new JsonObject().put("name", "churn-model")).patch(DEPLOYMENTS + "/text-summarizer").then().statusCode(409);
    }

    @Test
    void labelFilterReturnsDeploymentsWithAtLeastOneOfTheLabels() {
        api().queryParam("labels", "team:vision").get(DEPLOYMENTS).then().body("name", contains("image-classifier"));
        api().queryParam("labels", "stage:production").get(DEPLOYMENTS).then()
                .body("name", containsInAnyOrder("image-classifier", "churn-model"));
        api().queryParam("labels", "team:nlp,team:vision").get(DEPLOYMENTS).then()
                .body("name", containsInAnyOrder("image-classifier", "text-summarizer"));
        api().queryParam("labels", "team:nobody").get(DEPLOYMENTS).then().body("", hasSize(0));
        api().queryParam("labels", "nocolon").get(DEPLOYMENTS).then().statusCode(400);
    }

    @Test
    void firstVersionBecomesTheDefault() {
        String path = createPlainDeployment("fresh");
        createVersion(path, "one");
        createVersion(path, "two");
        api().get(path).then().body("default_version", equalTo("one"));
        api().get(path + "/versions/one").then().body("default", equalTo(true));
        api().get(path + "/versions/two").then().body("default", equalTo(false));
    }

    @Test
    void defaultVersionMustBeAnExistingAvailableVersion() {
        String classifier = DEPLOYMENTS + "/image-classifier";
        api(new JsonObject().put("default_version", "v9")).patch(classifier).then().statusCode(400);
        String path = createPlainDeployment("fresh");
        createVersion(path, "one");
        createVersion(path, "two");
        api(new JsonObject().put("default_version", "two")).patch(path).then().statusCode(400)
                .body("error", containsString("available"));
        api(new JsonObject().put("default_version", "v2")).patch(classifier).then().statusCode(200)
                .body("default_version", equalTo("v2"));
        api().get(classifier + "/versions/v1").then().body("default", equalTo(false));
        api().get(classifier + "/versions/v2").then().body("default", equalTo(true));
    }

    @Test
    void mutationsAreAuditedOnTheDeploymentNewestFirst() {
        String path = createPlainDeployment("audited");
        createVersion(path, "v1");
        api(new JsonObject().put("description", "changed")).patch(path).then().statusCode(200);
        api().get(path + "/audit").then().statusCode(200)
                .body("action", contains("update", "create", "create"))
                .body("object_type", everyItem(equalTo("deployment")))
                .body("object_name", everyItem(equalTo("audited")))
                .body("event[1]", containsString("version v1"));
        api().queryParam("action", "create").queryParam("limit", 1).queryParam("offset", 1).get(path + "/audit").then()
                .body("", hasSize(1)).body("[0].event", equalTo("Created deployment audited"));
        api().queryParam("action", "rename").get(path + "/audit").then().statusCode(400);
    }

    @Test
    void templatesAreListedWithTheirDetails() {
        api().get("/template-deployments").then().statusCode(200)
                .body("", hasSize(3)).body("details.name", hasItem("hello-world"))
                .body("details.version.environment", hasItem("python3-11"));
    }

    @Test
    void unknownProjectIsNotFound() {
        api().get("/projects/nope/deployments").then().statusCode(404).body("error", equalTo("Project was not found"));
    }
}
