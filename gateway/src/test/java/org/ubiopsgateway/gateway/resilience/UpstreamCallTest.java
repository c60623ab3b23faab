package org.ubiopsgateway.gateway.resilience;

import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.upstream.UbiOpsDeployments;
import org.ubiopsgateway.gateway.upstream.UbiOpsProjects;
import org.ubiopsgateway.gateway.upstream.wire.LogQuery;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The retry rule and the endpoint groups, read from the clients' annotations for all 50 REST client operations. */
class UpstreamCallTest {

    private static final List<UpstreamCall> CALLS = Stream.of(UbiOpsProjects.class, UbiOpsDeployments.class)
            .flatMap(api -> Stream.of(api.getMethods()))
            .filter(method -> Modifier.isAbstract(method.getModifiers()))
            .map(UpstreamCall::of).toList();

    @Test
    void createsUploadsAndPatchesAreTheOnlyCallsNeverRetried() {
        Set<String> notRetried = CALLS.stream().filter(call -> !call.retryable()).map(UpstreamCall::operation)
                .collect(Collectors.toCollection(TreeSet::new));

        System.out.printf("[resilience] %d operations, %d never retried: %s%n", CALLS.size(), notRetried.size(), notRetried);
        assertEquals(50, CALLS.size(), "21 project operations and 29 deployment ones (the download is UpstreamFiles')");
        assertEquals(new TreeSet<>(Set.of(
                "createProject", "addUser", "createEnvironmentVariable", "createDeployment", "createDeploymentVariable",
                "copyDeploymentVariables", "createVersion", "createVersionVariable", "copyVersionVariables",
                "uploadRevision", "rebuildRevision",
                "updateProject", "updateEnvironmentVariable", "updateDeployment", "updateDeploymentVariable",
                "updateVersion", "updateVersionVariable")), notRetried);
    }

    @Test
    void callsFallIntoUbiOpsRateLimitGroups() {
        Map<EndpointGroup, Set<String>> groups = CALLS.stream().filter(call -> call.group() != EndpointGroup.GENERAL)
                .collect(Collectors.groupingBy(UpstreamCall::group,
                        Collectors.mapping(UpstreamCall::operation, Collectors.toSet())));
        assertEquals(Map.of(EndpointGroup.REQUESTS, Set.of("listRequests"), EndpointGroup.FILES, Set.of("uploadRevision")),
                groups);
        assertEquals(List.of("uploadRevision"), CALLS.stream().filter(UpstreamCall::upload).map(UpstreamCall::operation).toList());
    }

    @Test
    void theLogSearchIsAPostThatIsRetried() throws NoSuchMethodException {
        Method logs = UbiOpsProjects.class.getMethod("listLogs", String.class, LogQuery.class);
        assertEquals(new UpstreamCall("listLogs", EndpointGroup.GENERAL, true, false), UpstreamCall.of(logs));
    }
}
