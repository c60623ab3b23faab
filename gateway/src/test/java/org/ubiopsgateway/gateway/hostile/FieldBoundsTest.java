package org.ubiopsgateway.gateway.hostile;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.model.common.Problem;
import org.ubiopsgateway.model.common.Rules;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bounds of {@link Rules} at their edges: a value at a bound is forwarded, one over it is a 400 naming the field,
 * and UbiOps sees nothing of it. (The fuzz test sends every field of every route over its bound; this shows the
 * bounds are where {@link Rules} says, and that the 100,000-character variable name which once reached UbiOps no
 * longer does.)
 */
@QuarkusTest
class FieldBoundsTest {

    static final String VARIABLES = "/api/v1/projects/demo-project/environment-variables";
    static final String DEPLOYMENTS = "/api/v1/projects/demo-project/deployments";

    @Inject
    UbiOpsEmulator emulator;

    private static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    /** A 400 whose violations name {@code field} (a map's entries as {@code labels[key]}), and no call to UbiOps. */
    private void assertRefusedNaming(ValidatableResponse response, String field) {
        response.statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:ubiops-gateway:problem:validation"))
                .body("violations.field", hasItem(anyOf(equalTo(field), startsWith(field + "["))));
        assertEquals(List.of(), emulator.journal().entries(), "nothing may reach UbiOps");
    }

    @Test
    void aVariableNameOfAHundredThousandCharactersIsRefusedBeforeUbiOps() {
        assertRefusedNaming(post(VARIABLES, Map.of("name", "A".repeat(100_000), "value", "x")), "name");
    }

    @Test
    void aVariableNameAtItsBoundIsForwardedAndOneOverIsRefused() {
        assertRefusedNaming(post(VARIABLES, Map.of("name", "A".repeat(Rules.VARIABLE_NAME_MAX + 1), "value", "x")), "name");
        post(VARIABLES, Map.of("name", "A".repeat(Rules.VARIABLE_NAME_MAX), "value", "x")).statusCode(201);
        assertEquals(1, emulator.journal().count("project_environment_variables_create"));
    }

    @Test
    void aVariableValueOf64KibIsForwardedAndOneCharacterMoreIsRefused() {
        assertRefusedNaming(post(VARIABLES, Map.of("name", "BIG", "value", "v".repeat(Rules.VARIABLE_VALUE_MAX + 1))), "value");
        post(VARIABLES, Map.of("name", "BIG", "value", "v".repeat(Rules.VARIABLE_VALUE_MAX))).statusCode(201);
        assertEquals(1, emulator.journal().count("project_environment_variables_create"));
    }

    @Test
    void labelsOverTheirCountOrLengthAreRefusedAndAtTheirBoundsForwarded() {
        assertRefusedNaming(post(DEPLOYMENTS, deployment("too-many", labels(Rules.LABELS_MAX + 1, "k", "v"))), "labels");
        assertRefusedNaming(post(DEPLOYMENTS, deployment("long-key", labels(1, "k".repeat(Rules.LABEL_KEY_MAX + 1), "v"))), "labels");
        assertRefusedNaming(post(DEPLOYMENTS, deployment("long-value", labels(1, "k", "v".repeat(Rules.LABEL_VALUE_MAX + 1)))), "labels");

        post(DEPLOYMENTS, deployment("at-bounds", labels(Rules.LABELS_MAX, "k".repeat(Rules.LABEL_KEY_MAX - 2),
                "v".repeat(Rules.LABEL_VALUE_MAX)))).statusCode(201);
        assertEquals(1, emulator.journal().count("deployments_create"));
    }

    @Test
    void aLabelFilterOverItsBoundIsRefusedByName() {
        String filter = "a:" + "b".repeat(Rules.LABEL_FILTER_MAX - 1);
        given().queryParam("labels", filter).get(DEPLOYMENTS).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations.field", hasItem("labels"));
        assertEquals(List.of(), emulator.journal().entries());
    }

    private static Map<String, Object> deployment(String name, Map<String, String> labels) {
        return Map.of("name", name, "inputType", "plain", "outputType", "plain", "labels", labels);
    }

    /** {@code count} labels, keys made unique by a two-digit suffix on {@code key}. */
    private static Map<String, String> labels(int count, String key, String value) {
        return IntStream.range(0, count).boxed()
                .collect(Collectors.toMap(i -> count == 1 ? key : key + String.format("%02d", i), i -> value));
    }
}
