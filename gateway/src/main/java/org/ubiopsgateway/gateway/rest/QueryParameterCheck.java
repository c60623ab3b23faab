package org.ubiopsgateway.gateway.rest;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.ubiopsgateway.gateway.error.BadRequest;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Refuses an enumeration, boolean or whole-number query value that does not fit, naming the parameter and what
 * it accepts, like any validation failure. JAX-RS converters are not told which parameter they read, so this runs
 * before them, on the contract method's declared query parameters (on the {@code api-client} interface the
 * resource implements).
 */
public class QueryParameterCheck {

    private final Map<Method, List<Check>> checks = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        for (Check check : checks.computeIfAbsent(method, QueryParameterCheck::checksOf)) {
            String value = uri.getQueryParameters().getFirst(check.name());
            if (value != null && !value.isEmpty() && !check.accepts().test(value)) {
                throw BadRequest.of(check.name(), check.message());
            }
        }
    }

    private static List<Check> checksOf(Method method) {
        List<Check> found = new ArrayList<>();
        for (Parameter parameter : contract(method).getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                check(query.value(), parameter.getType()).ifPresent(found::add);
            }
        }
        return List.copyOf(found);
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

    /** The declaration that carries the annotations: the interface method the resource implements, if any. */
    private static Method contract(Method method) {
        for (Class<?> contract : method.getDeclaringClass().getInterfaces()) {
            try {
                return contract.getMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException notThisOne) {
                // try the next interface
            }
        }
        return method;
    }

    private record Check(String name, Predicate<String> accepts, String message) {
    }
}
