package org.ubiopsgateway.gateway.activity;

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

/**
 * Refuses an enumeration or boolean query value that does not fit, naming the parameter and what it accepts,
 * like any validation failure. JAX-RS converters are not told which parameter they read, so this runs before
 * them, on the contract method's declared query parameters (on the {@code api-client} interface the resource
 * implements).
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
            if (value != null && !value.isEmpty() && !check.accepts(value)) {
                throw BadRequest.of(check.name(), check.message());
            }
        }
    }

    private static List<Check> checksOf(Method method) {
        List<Check> found = new ArrayList<>();
        for (Parameter parameter : contract(method).getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            Class<?> type = parameter.getType();
            if (query == null) {
                continue;
            }
            if (QueryValues.isContractEnum(type)) {
                found.add(new Check(query.value(), type, "must be one of: " + QueryValues.allowed(type)));
            } else if (type == Boolean.class) {
                found.add(new Check(query.value(), type, "must be true or false"));
            }
        }
        return List.copyOf(found);
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

    private record Check(String name, Class<?> type, String message) {

        @SuppressWarnings({"unchecked", "rawtypes"})
        boolean accepts(String value) {
            Optional<?> read = type == Boolean.class ? QueryValues.strictBoolean(value)
                    : QueryValues.enumValue((Class) type, value);
            return read.isPresent();
        }
    }
}
