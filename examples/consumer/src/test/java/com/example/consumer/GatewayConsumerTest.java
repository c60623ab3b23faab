package com.example.consumer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.client.GatewayProblemException;
import org.ubiopsgateway.client.MeClient;
import org.ubiopsgateway.client.ProjectsClient;
import org.ubiopsgateway.model.common.Problem;
import org.ubiopsgateway.model.me.Me;
import org.ubiopsgateway.model.projects.ProjectSummary;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls a running gateway (GATEWAY_URL) as this service (GATEWAY_TOKEN), outside any request it serves. */
@QuarkusTest
class GatewayConsumerTest {

    @Inject
    @RestClient
    ProjectsClient projects;

    @Inject
    @RestClient
    MeClient me;

    @Test
    void listsTheProjectsAsItself() throws Exception {
        Me self = me.me().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals("consumer-service", self.subject());
        List<ProjectSummary> listed = projects.listProjects(null).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertTrue(listed.stream().anyMatch(p -> p.name().equals("demo-project")), "projects: " + listed);
    }

    @Test
    void aBrokenNameIsTheGatewaysValidationProblem() {
        Problem problem = problemOf(projects.getProject("Not-A-Name"));
        assertEquals(400, problem.status());
        assertEquals("project", problem.violations().get(0).field());
    }

    @Test
    void theGatewaysRefusalArrivesAsItsProblem() {
        assertEquals(404, problemOf(projects.getProject("no-such-project")).status());
    }

    private static Problem problemOf(CompletionStage<?> call) {
        CompletionException failed = assertThrows(CompletionException.class, () -> call.toCompletableFuture().join());
        return assertInstanceOf(GatewayProblemException.class, failed.getCause()).problem();
    }
}
