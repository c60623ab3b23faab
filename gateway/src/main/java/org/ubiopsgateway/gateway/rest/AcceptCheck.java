package org.ubiopsgateway.gateway.rest;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Refuses (406) a request whose {@code Accept} takes none of the media types the matched method produces, before the
 * method runs. Quarkus REST checks this while it routes to a root resource's method, but a sub-resource's method
 * (the environment variables of each level) is found after its locator and checked only when the answer is written:
 * after the upstream call. For the other routes this never refuses anything Quarkus has not refused already.
 */
public class AcceptCheck {

    private final Map<Method, List<MediaType>> produced = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ResourceInfo resource, ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        List<MediaType> types = produced.computeIfAbsent(method, AcceptCheck::producedBy);
        if (!types.isEmpty() && request.getAcceptableMediaTypes().stream()
                .noneMatch(accepted -> types.stream().anyMatch(accepted::isCompatible))) {
            throw new NotAcceptableException();
        }
    }

    /**
     * The method's {@code @Produces}, else its type's: on the contract interface the resource implements. None for a
     * root resource's method (a type with {@code @Path}), which Quarkus REST has checked already: nothing to parse.
     */
    private static List<MediaType> producedBy(Method method) {
        Method contract = Contracts.declaration(method);
        if (contract.getDeclaringClass().isAnnotationPresent(Path.class)) {
            return List.of();
        }
        Produces produces = contract.isAnnotationPresent(Produces.class) ? contract.getAnnotation(Produces.class)
                : contract.getDeclaringClass().getAnnotation(Produces.class);
        return produces == null ? List.of()
                : Stream.of(produces.value()).flatMap(value -> Stream.of(value.split(","))).map(String::trim)
                .map(MediaType::valueOf).toList();
    }
}
