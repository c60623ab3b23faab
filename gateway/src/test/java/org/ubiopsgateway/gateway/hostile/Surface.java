package org.ubiopsgateway.gateway.hostile;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.ubiopsgateway.gateway.security.RouteTable;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The public surface as the application itself declares it: every row of the gate's {@link RouteTable} (a route
 * the table lacks is refused by the gate, so it is the whole reachable surface) with the JAX-RS methods that serve
 * it, read by reflection from the resource classes (and the contract interfaces they implement), following
 * sub-resource locators to the interfaces they return.
 */
final class Surface {

    /**
     * A JAX-RS method: where it is, what it reads. {@code declaration} carries the annotations; {@code locators} are
     * the parameters of the sub-resource locators on the way to it (a level's path parameters), outermost first.
     */
    record Endpoint(String httpMethod, String template, Method declaration, List<Parameter> locators,
                    List<String> consumes, List<String> produces) {

        List<Parameter> annotated(Class<? extends Annotation> annotation) {
            return Stream.concat(locators.stream(), Arrays.stream(declaration.getParameters()))
                    .filter(p -> p.isAnnotationPresent(annotation)).toList();
        }

        List<Parameter> query() {
            return annotated(QueryParam.class);
        }

        List<Parameter> form() {
            return Stream.concat(annotated(FormParam.class).stream(), annotated(RestForm.class).stream()).toList();
        }

        Optional<Parameter> pathParameter(String name) {
            return annotated(PathParam.class).stream().filter(p -> p.getAnnotation(PathParam.class).value().equals(name)).findFirst();
        }

        /** The entity parameter: the one without a JAX-RS annotation. */
        Optional<Parameter> body() {
            return Arrays.stream(declaration.getParameters())
                    .filter(p -> Arrays.stream(p.getAnnotations()).noneMatch(Surface::isJaxRsParameter)).findFirst();
        }

        boolean multipart() {
            return consumes.stream().anyMatch(c -> c.startsWith("multipart/"));
        }
    }

    /** A row of the gate's table and the methods that serve it. */
    record Route(RouteTable.Rule rule, List<Endpoint> endpoints) {

        String path() {
            return RouteTable.BASE + rule.template();
        }

        List<String> variables() {
            return Arrays.stream(rule.template().split("/")).filter(s -> s.startsWith("{"))
                    .map(s -> s.substring(1, s.length() - 1)).toList();
        }

        List<String> consumes() {
            return endpoints.stream().flatMap(e -> e.consumes().stream()).distinct().toList();
        }
    }

    private Surface() {
    }

    static List<Endpoint> endpoints(Collection<Class<?>> resources) {
        List<Endpoint> found = new ArrayList<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getMethods()) {
                if (method.isBridge() || method.isSynthetic() || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                declaration(resource, method).ifPresent(declared -> found.add(endpoint(resource, declared)));
                locator(resource, method).ifPresent(locator -> found.addAll(subResource(resource, locator)));
            }
        }
        found.sort(Comparator.comparing(Endpoint::template).thenComparing(Endpoint::httpMethod)
                .thenComparing(e -> String.join(",", e.consumes())).thenComparing(e -> e.declaration().toGenericString()));
        return found;
    }

    /** Every row of the table with its endpoints; fails when a row has none. */
    static List<Route> routes(List<Endpoint> endpoints) {
        List<Route> routes = new ArrayList<>();
        for (RouteTable.Rule rule : RouteTable.API.rules()) {
            String shape = shape(RouteTable.BASE + rule.template());
            List<Endpoint> serving = endpoints.stream()
                    .filter(e -> e.httpMethod().equals(rule.method()) && shape(e.template()).equals(shape)).toList();
            routes.add(new Route(rule, serving));
        }
        routes.sort(Comparator.comparing((Route r) -> r.rule().template()).thenComparing(r -> r.rule().method()));
        return routes;
    }

    /** A template with its variables unnamed: {@code /a/{}/b}. */
    static String shape(String template) {
        return template.replaceAll("\\{[^}]*}", "{}");
    }

    /** A server resource: JAX-RS paths on it or its interfaces, and not a REST client (a bean as well, in tests). */
    static boolean isResource(Class<?> type) {
        return (type.isAnnotationPresent(Path.class) || Arrays.stream(type.getInterfaces()).anyMatch(i -> i.isAnnotationPresent(Path.class)))
                && Arrays.stream(type.getInterfaces()).noneMatch(i -> i.isAnnotationPresent(RegisterRestClient.class));
    }

    private static boolean isJaxRsParameter(Annotation annotation) {
        String name = annotation.annotationType().getName();
        return annotation instanceof Context || name.startsWith("jakarta.ws.rs.") && name.endsWith("Param")
                || name.startsWith("org.jboss.resteasy.reactive.Rest");
    }

    /** The method itself when it carries an HTTP method, else the interface method it implements. */
    private static Optional<Method> declaration(Class<?> resource, Method method) {
        if (httpMethod(method).isPresent()) {
            return Optional.of(method);
        }
        for (Class<?> contract : resource.getInterfaces()) {
            try {
                Method declared = contract.getMethod(method.getName(), method.getParameterTypes());
                if (httpMethod(declared).isPresent()) {
                    return Optional.of(declared);
                }
            } catch (NoSuchMethodException notThere) {
                // another interface, or not a resource method
            }
        }
        return Optional.empty();
    }

    /** The interface method a sub-resource locator of the resource implements: a {@code @Path} without an HTTP method. */
    private static Optional<Method> locator(Class<?> resource, Method method) {
        return Arrays.stream(resource.getInterfaces()).map(contract -> {
            try {
                return contract.getMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException notThere) {
                return null;
            }
        }).filter(m -> m != null && m.isAnnotationPresent(Path.class) && httpMethod(m).isEmpty()).findFirst();
    }

    /** The endpoints of the type a locator declares it returns: what its clients and the OpenAPI document see. */
    private static List<Endpoint> subResource(Class<?> resource, Method locator) {
        Class<?> pathOwner = Arrays.stream(resource.getInterfaces()).filter(i -> i.isAnnotationPresent(Path.class)).findFirst().orElseThrow();
        String prefix = join(pathOwner.getAnnotation(Path.class).value(), locator.getAnnotation(Path.class).value());
        List<Endpoint> found = new ArrayList<>();
        for (Method declared : locator.getReturnType().getMethods()) {
            if (httpMethod(declared).isEmpty()) {
                continue;
            }
            found.add(new Endpoint(httpMethod(declared).orElseThrow(),
                    join(prefix, declared.isAnnotationPresent(Path.class) ? declared.getAnnotation(Path.class).value() : ""),
                    declared, List.of(locator.getParameters()),
                    // type-level media types come from the returned type itself, as JAX-RS reads them
                    media(declared.getAnnotation(Consumes.class), locator.getReturnType().getAnnotation(Consumes.class)),
                    media(declared.getAnnotation(Produces.class), locator.getReturnType().getAnnotation(Produces.class))));
        }
        return found;
    }

    private static Endpoint endpoint(Class<?> resource, Method declared) {
        Class<?> owner = declared.getDeclaringClass();
        Class<?> pathOwner = owner.isAnnotationPresent(Path.class) ? owner
                : Arrays.stream(resource.getInterfaces()).filter(i -> i.isAnnotationPresent(Path.class)).findFirst().orElseThrow();
        String template = join(pathOwner.getAnnotation(Path.class).value(),
                declared.isAnnotationPresent(Path.class) ? declared.getAnnotation(Path.class).value() : "");
        return new Endpoint(httpMethod(declared).orElseThrow(), template, declared, List.of(),
                media(declared.getAnnotation(Consumes.class), pathOwner.getAnnotation(Consumes.class)),
                media(declared.getAnnotation(Produces.class), pathOwner.getAnnotation(Produces.class)));
    }

    private static List<String> media(Consumes onMethod, Consumes onType) {
        Consumes effective = onMethod != null ? onMethod : onType;
        return effective == null ? List.of() : List.of(effective.value());
    }

    private static List<String> media(Produces onMethod, Produces onType) {
        Produces effective = onMethod != null ? onMethod : onType;
        return effective == null ? List.of() : List.of(effective.value());
    }

    private static String join(String type, String method) {
        String joined = ("/" + type + "/" + method).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class)).filter(h -> h != null)
                .map(HttpMethod::value).findFirst();
    }
}
