package org.ubiopsgateway.gateway.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.ubiopsgateway.gateway.upstream.UpstreamStatus;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Every mutation under {@code /api/v1}, allowed or not, leaves one JSON line on the {@value #CATEGORY} logger. */
public class AuditLog {

    public static final String CATEGORY = "ubiops.gateway.audit";
    private static final Logger AUDIT = Logger.getLogger(CATEGORY);
    private static final Set<String> MUTATIONS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ObjectMapper json;

    public AuditLog(ObjectMapper json) {
        this.json = json;
    }

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        Object started = request.getProperty(AccessFilter.STARTED);
        if (started == null || !MUTATIONS.contains(request.getMethod())) {
            return;
        }
        RouteTable.Matched route = AccessFilter.route(request);
        AuditEvent event = new AuditEvent(Instant.now().toString(), (String) request.getProperty(AccessFilter.SUBJECT),
                route != null ? route.rule().action() : request.getMethod() + " (no such route)",
                route != null ? route.variables() : Map.of(), response.getStatus(), UpstreamStatus.last(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - (Long) started));
        AUDIT.info(json.writeValueAsString(event));
    }
}
