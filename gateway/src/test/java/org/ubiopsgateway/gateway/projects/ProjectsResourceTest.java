package org.ubiopsgateway.gateway.projects;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.Journal;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.ubiopsgateway.gateway.projects.Problems.notFound;
import static org.ubiopsgateway.gateway.projects.Problems.problem;
import static org.ubiopsgateway.gateway.projects.Problems.rejected;

/** GET,POST /api/v1/projects and GET,PATCH,DELETE /api/v1/projects/{project}. */
@QuarkusTest
class ProjectsResourceTest {

    private static final String PROJECTS = "/api/v1/projects";
    private static final String ISO_INSTANT = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$";

    @Inject
    UbiOpsEmulator emulator;

    @Inject
    Journal journal;

    @Test
    void listsTheSeededProjectsInCamelCaseWithIsoCreationDates() {
        given().get(PROJECTS).then().statusCode(200)
                .body("name", contains("demo-project", "sandbox"))
                .body("[0].organization", equalTo("demo-organization"))
                .body("[0].advancedPermissions", equalTo(false))
                .body("[0].creationDate", matchesPattern(ISO_INSTANT))
                .body("[0].organization_name", nullValue());
    }

    @Test
    void listFiltersByOrganizationUpstream() {
        given().queryParam("organization", "other-organization").get(PROJECTS).then().statusCode(200).body("$", empty());
        given().queryParam("organization", "demo-organization").get(PROJECTS).then().statusCode(200)
                .body("name", contains("demo-project", "sandbox"));
        org.junit.jupiter.api.Assertions.assertTrue(journal.entries("projects_list").get(0).query()
                .contains("organization=other-organization"));
    }

    @Test
    void listRefusesAnInvalidOrganizationName() {
        rejected(given().queryParam("organization", "Not Valid").get(PROJECTS).then(), "organization", journal);
    }

    @Test
    void createAnswers201WithLocationAndTheProjectIsThenReadable() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"new-project\", \"organization\": \"demo-organization\", \"creditLimit\": 500,"
                        + " \"corsOrigins\": [\"https://portal.example\"]}")
                .post(PROJECTS).then().statusCode(201)
                .header("Location", endsWith("/api/v1/projects/new-project"))
                .body("name", equalTo("new-project"))
                .body("organization", equalTo("demo-organization"))
                .body("creditLimit", equalTo(500.0f))
                .body("corsOrigins", contains("https://portal.example"))
                .body("suspended", equalTo(false))
                .body("creationDate", matchesPattern(ISO_INSTANT));
        given().get(PROJECTS + "/new-project").then().statusCode(200).body("creditLimit", equalTo(500.0f));
        given().get(PROJECTS).then().body("name", hasItem("new-project"));
    }

    @Test
    void createRefusesAnInvalidNameBeforeUpstream() {
        rejected(given().contentType(ContentType.JSON).body("{\"name\": \"Bad_Name\", \"organization\": \"demo-organization\"}")
                .post(PROJECTS).then(), "name", journal);
    }

    @Test
    void createRefusesMissingFieldsAndNegativeCredits() {
        rejected(given().contentType(ContentType.JSON).body("{\"creditLimit\": -1}").post(PROJECTS).then(), "name", journal)
                .body("violations.field", hasItem("organization"))
                .body("violations.field", hasItem("creditLimit"));
    }

    @Test
    void createOfATakenNameIsAConflictWithUpstreamsMessage() {
        problem(given().contentType(ContentType.JSON).body("{\"name\": \"sandbox\", \"organization\": \"demo-organization\"}")
                .post(PROJECTS).then(), 409).body("detail", containsString("already exists"));
    }

    @Test
    void createInAnUnknownOrganizationIsNotFound() {
        notFound(given().contentType(ContentType.JSON).body("{\"name\": \"elsewhere\", \"organization\": \"no-such-org\"}")
                .post(PROJECTS).then(), "Organization was not found");
    }

    @Test
    void createRefusesUnknownFieldsMalformedJsonAndOtherContentTypes() {
        problem(given().contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"organization\": \"demo-organization\", \"organization_name\": \"y\"}")
                .post(PROJECTS).then(), 400).body("detail", containsString("organization_name"));
        problem(given().contentType(ContentType.JSON).body("{\"name\": ").post(PROJECTS).then(), 400);
        problem(given().contentType(ContentType.TEXT).body("name=x").post(PROJECTS).then(), 415);
        org.junit.jupiter.api.Assertions.assertEquals(0, journal.size());
    }

    @Test
    void getAnswersTheProjectInFull() {
        given().get(PROJECTS + "/demo-project").then().statusCode(200)
                .body("name", equalTo("demo-project"))
                .body("creditLimit", equalTo(10000.0f))
                .body("suspended", equalTo(false))
                .body("corsOrigins", empty())
                .body("creationDate", equalTo("2023-03-14T09:12:44Z"));
        given().get(PROJECTS + "/sandbox").then().statusCode(200).body("creditLimit", nullValue());
    }

    @Test
    void getOfAnUnknownProjectIsNotFoundWithUpstreamsMessage() {
        notFound(given().get(PROJECTS + "/no-such-project").then(), "Project was not found");
    }

    @Test
    void getRefusesAnInvalidProjectName() {
        rejected(given().get(PROJECTS + "/Demo_Project").then(), "project", journal);
    }

    @Test
    void updateAnswers200AndTheChangeIsVisible() {
        given().contentType(ContentType.JSON).body("{\"suspended\": true, \"creditLimit\": 42, \"advancedPermissions\": true}")
                .patch(PROJECTS + "/sandbox").then().statusCode(200)
                .body("suspended", equalTo(true))
                .body("suspendedReason", not(nullValue()))
                .body("creditLimit", equalTo(42.0f))
                .body("advancedPermissions", equalTo(true));
        given().get(PROJECTS + "/sandbox").then().body("suspended", equalTo(true)).body("creditLimit", equalTo(42.0f));
    }

    @Test
    void updateRenamesAProject() {
        given().contentType(ContentType.JSON).body("{\"name\": \"playground\"}")
                .patch(PROJECTS + "/sandbox").then().statusCode(200).body("name", equalTo("playground"));
        given().get(PROJECTS + "/playground").then().statusCode(200);
        notFound(given().get(PROJECTS + "/sandbox").then(), "Project was not found");
    }

    @Test
    void updateToATakenNameIsAConflict() {
        problem(given().contentType(ContentType.JSON).body("{\"name\": \"demo-project\"}")
                .patch(PROJECTS + "/sandbox").then(), 409);
    }

    @Test
    void updateRefusesAnInvalidNewNameBeforeUpstream() {
        rejected(given().contentType(ContentType.JSON).body("{\"name\": \"-starts-with-dash\"}")
                .patch(PROJECTS + "/sandbox").then(), "name", journal);
    }

    @Test
    void updateOfAnUnknownProjectIsNotFound() {
        notFound(given().contentType(ContentType.JSON).body("{\"advancedPermissions\": true}")
                .patch(PROJECTS + "/no-such-project").then(), "Project was not found");
    }

    @Test
    void deleteAnswers204AndTheProjectIsGone() {
        given().delete(PROJECTS + "/sandbox").then().statusCode(204);
        notFound(given().get(PROJECTS + "/sandbox").then(), "Project was not found");
        given().get(PROJECTS).then().body("name", contains("demo-project"));
    }

    @Test
    void deleteOfAnUnknownProjectIsNotFoundAndOfAnInvalidNameRefused() {
        notFound(given().delete(PROJECTS + "/no-such-project").then(), "Project was not found");
        journal.clear();
        rejected(given().delete(PROJECTS + "/UPPER").then(), "project", journal);
    }
}
