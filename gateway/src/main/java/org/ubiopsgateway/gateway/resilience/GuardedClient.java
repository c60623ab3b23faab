package org.ubiopsgateway.gateway.resilience;

import io.smallrye.mutiny.Uni;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Sends each operation of a REST client through {@link UpstreamGuard#call}, with what its annotations say. */
final class GuardedClient implements InvocationHandler {

    private final UpstreamGuard guard;
    private final Object client;

    GuardedClient(UpstreamGuard guard, Object client) {
        this.guard = guard;
        this.client = client;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "guarded " + client;
            };
        }
        if (method.isDefault()) {
            // A convenience overload: the operation it calls comes back through this proxy and is guarded then.
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        return guard.call(UpstreamCall.of(method), () -> invoke(method, args));
    }

    @SuppressWarnings("unchecked")
    private Uni<Object> invoke(Method method, Object[] args) {
        try {
            return (Uni<Object>) method.invoke(client, args);
        } catch (InvocationTargetException e) {
            return Uni.createFrom().failure(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
