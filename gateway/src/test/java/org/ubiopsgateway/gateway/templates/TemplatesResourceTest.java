package org.ubiopsgateway.gateway.templates;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TemplatesResourceTest {

    @Inject
    UbiOpsEmulator emulator;

    @Test
    void templatesListWhatTheyCreateWithTheVersionsSettingsGrouped() {
        given().get("/api/v1/templates")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("size()", is(3))
                .body("id", everyItem(matchesPattern("[0-9a-f-]{36}")))
                .body("deployment.name", hasItem("scikit-learn-classifier"))
                .body("find { it.deployment.name == 'hello-world' }.deployment.inputType", equalTo("plain"))
                .body("find { it.deployment.name == 'scikit-learn-classifier' }.deployment.inputFields[0].dataType",
                        matchesPattern("[a-z_]+"))
                .body("[0].version.scaling.maximumIdleTime", is(300))
                .body("[0].version.retention.mode", equalTo("full"))
                .body("[0].version", not(hasKey("maximum_idle_time")))
                .body("[0]", not(hasKey("details")));
        assertEquals(List.of("template_deployments_list"),
                emulator.journal().entries().stream().map(e -> e.operation()).toList());
    }

    @Test
    void templatesAreReadOnlyAndOnlyJson() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/templates")
                .then().statusCode(405).contentType("application/problem+json").body("status", is(405));
        given().accept(ContentType.XML).get("/api/v1/templates")
                .then().statusCode(406).contentType("application/problem+json");
        assertEquals(0, emulator.journal().size());
    }
}
