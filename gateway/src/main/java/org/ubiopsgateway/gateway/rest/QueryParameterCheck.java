package org.ubiopsgateway.gateway.rest;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.ubiopsgateway.gateway.error.BadRequest;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Holds the query to the contract method's declared query parameters (on the {@code api-client} interface the
 * resource implements), like any validation failure, naming the parameter: one the route does not take, or one given
 * twice, is refused rather than ignored (a misspelt {@code limt} would silently mean the default); an enumeration,
 * boolean or whole-number value that does not fit is refused with what it accepts. JAX-RS converters are not told
 * which parameter they read, so this runs before them.
 */
public class QueryParameterCheck {

    private final Map<Method, Declared> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Declared route = declared.computeIfAbsent(method, QueryParameterCheck::declaredBy);
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (Map.Entry<String, List<String>> given : query.entrySet()) {
            if (!route.names().contains(given.getKey())) {
                throw BadRequest.of(given.getKey(), route.names().isEmpty() ? "is not a parameter of this route, which takes none"
                        : "is not a parameter of this route; it takes " + String.join(", ", route.names()));
            }
            if (given.getValue().size() > 1) {
                throw BadRequest.of(given.getKey(), "is given more than once");
            }
        }
        for (Check check : route.checks()) {
            String value = query.getFirst(check.name());
            if (value != null && !value.isEmpty() && !check.accepts().test(value)) {
                throw BadRequest.of(check.name(), check.message());
            }
        }
    }

    private static Declared declaredBy(Method method) {
        Set<String> names = new TreeSet<>();
        List<Check> checks = new ArrayList<>();
        for (Parameter parameter : Contracts.declaration(method).getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
                check(query.value(), parameter.getType()).ifPresent(checks::add);
            }
        }
        return new Declared(Collections.unmodifiableSet(names), List.copyOf(checks));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<Check> check(String name, Class<?> type) {
        if (QueryValues.isContractEnum(type)) {
            return Optional.of(new Check(name, value -> QueryValues.enumValue((Class) type, value).isPresent(),
                    "must be one of: " + QueryValues.allowed(type)));
        }
        if (type == Boolean.class) {
            return Optional.of(new Check(name, value -> QueryValues.strictBoolean(value).isPresent(), "must be true or false"));
        }
        if (type == int.class || type == Integer.class) {
            return Optional.of(new Check(name, QueryParameterCheck::isInt, "must be a whole number"));
        }
        return Optional.empty();
    }

    private static boolean isInt(String value) {
        try {
            Integer.parseInt(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A route's query parameters, by name in order, and the checks on their values. */
    private record Declared(Set<String> names, List<Check> checks) {
    }

    private record Check(String name, Predicate<String> accepts, String message) {
    }
}
