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
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.ubiopsgateway.gateway.projects.Problems.notFound;
import static org.ubiopsgateway.gateway.projects.Problems.problem;
import static org.ubiopsgateway.gateway.projects.Problems.rejected;

/** GET,POST /api/v1/projects/{project}/users and GET,DELETE /api/v1/projects/{project}/users/{id}. */
@QuarkusTest
class ProjectUsersResourceTest {

    private static final String USERS = "/api/v1/projects/demo-project/users";
    private static final String ADA = "5e3b2a0c-1c4f-4d7e-9a61-0f7b2d8c9e01";
    /** In the organization, in no project. */
    private static final String OLGA = "b2f6a8c0-4d1e-4a3b-9c5d-6e7f8a9b0c34";

    @Inject
    UbiOpsEmulator emulator;

    @Inject
    Journal journal;

    @Test
    void listsTheMembers() {
        given().get(USERS).then().statusCode(200)
                .body("email", contains("[email protected]", "[email protected]", "[email protected]"))
                .body("[0].id", equalTo(ADA))
                .body("[0].surname", equalTo("Admin"));
    }

    @Test
    void listOfAnUnknownProjectIsNotFoundAndOfAnInvalidNameRefused() {
        notFound(given().get("/api/v1/projects/no-such-project/users").then(), "Project was not found");
        journal.clear();
        rejected(given().get("/api/v1/projects/No/users").then(), "project", journal);
    }

    @Test
    void addAnswers201WithLocationByIdAndTheUserIsThenAMember() {
        given().contentType(ContentType.JSON).body("{\"userId\": \"" + OLGA + "\"}").post(USERS).then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/projects/demo-project/users/" + OLGA))
                .body("email", equalTo("[email protected]"));
        given().get(USERS + "/" + OLGA).then().statusCode(200).body("name", equalTo("Olga"));
        given().get(USERS).then().body("id", hasItem(OLGA));
    }

    @Test
    void addOfAMemberIsAConflict() {
        problem(given().contentType(ContentType.JSON).body("{\"userId\": \"" + ADA + "\"}").post(USERS).then(), 409)
                .body("detail", containsString("already a member"));
    }

    @Test
    void addOfAUserOutsideTheOrganizationIsNotFound() {
        notFound(given().contentType(ContentType.JSON).body("{\"userId\": \"00000000-0000-4000-8000-000000000000\"}")
                .post(USERS).then(), "User was not found");
    }

    @Test
    void addRefusesAMissingOrMalformedUserIdBeforeUpstream() {
        rejected(given().contentType(ContentType.JSON).body("{}").post(USERS).then(), "userId", journal);
        rejected(given().contentType(ContentType.JSON).body("{\"userId\": \"olga\"}").post(USERS).then(), "userId", journal);
        problem(given().contentType(ContentType.JSON).body("{\"user_id\": \"" + OLGA + "\"}").post(USERS).then(), 400);
    }

    @Test
    void getOfANonMemberIsNotFoundAndOfAMalformedIdRefused() {
        notFound(given().get(USERS + "/" + OLGA).then(), "User was not found");
        journal.clear();
        rejected(given().get(USERS + "/not-a-uuid").then(), "id", journal);
    }

    @Test
    void removeAnswers204AndTheUserIsNoLongerAMember() {
        given().delete(USERS + "/" + ADA).then().statusCode(204);
        notFound(given().get(USERS + "/" + ADA).then(), "User was not found");
        given().get(USERS).then().body("id", not(hasItem(ADA)));
    }

    @Test
    void removeOfANonMemberIsNotFoundAndOfAMalformedIdRefused() {
        notFound(given().delete(USERS + "/" + OLGA).then(), "User was not found");
        journal.clear();
        rejected(given().delete(USERS + "/12345").then(), "id", journal);
    }
}
