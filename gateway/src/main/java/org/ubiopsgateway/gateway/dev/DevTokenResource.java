package org.ubiopsgateway.gateway.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ubiopsgateway.gateway.error.BadRequest;
import org.ubiopsgateway.gateway.security.Role;

import java.util.Arrays;
import java.util.List;

/**
 * {@code POST /dev/token}: a token for any roles and projects, signed by the dev key, to try the gateway as
 * another caller. Dev build only: absent from the production application.
 */
@Path("/dev/token")
@IfBuildProfile("dev")
public class DevTokenResource {

    /** Everything optional: an admin for every project by default. */
    public record DevTokenRequest(List<String> roles, List<String> projects, String subject) {
    }

    public record DevToken(String token, long expiresInSeconds) {
    }

    /** The groups a token may carry: the roles the gateway grants (a token with none is any signed-in caller). */
    private static final List<String> ROLES = Arrays.stream(Role.values()).filter(role -> role != Role.NONE)
            .map(Role::group).toList();

    private final DevSigningKey key;

    public DevTokenResource(DevSigningKey key) {
        this.key = key;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public DevToken mint(DevTokenRequest request) {
        DevTokenRequest r = request == null ? new DevTokenRequest(null, null, null) : request;
        List<String> roles = r.roles() == null ? List.of("admin") : r.roles();
        for (int i = 0; i < roles.size(); i++) {
            if (!ROLES.contains(roles.get(i))) {
                throw BadRequest.of("roles[" + i + "]", "unknown role '" + roles.get(i) + "'; the roles are " + ROLES);
            }
        }
        String token = key.sign(r.subject() == null ? "dev-user" : r.subject(), roles,
                r.projects() == null ? List.of("*") : r.projects());
        return new DevToken(token, DevSigningKey.LIFESPAN.toSeconds());
    }
}
