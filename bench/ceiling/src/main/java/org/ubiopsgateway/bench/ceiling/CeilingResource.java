package org.ubiopsgateway.bench.ceiling;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The ceiling of the cached-read benchmark: a constant JSON answer of about the size of the gateway's
 * instance-types list, served on the event loop (as the gateway's reactive routes are) with no work at all.
 */
@Path("/ceiling")
public class CeilingResource {

    private static final String BODY = IntStream.range(0, 5)
            .mapToObj(i -> "{\"cpus\":0.125,\"creditsPerHour\":0.5,\"displayName\":\"512 MB\",\"gpus\":0,"
                    + "\"id\":\"00000000-0000-0000-0000-00000000000" + i + "\",\"memoryMi\":512,\"name\":\"512mb\","
                    + "\"storageMb\":2048}")
            .collect(Collectors.joining(",", "[", "]"));

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public String ceiling() {
        return BODY;
    }
}
