package org.ubiopsgateway.gateway.resilience;

import io.smallrye.mutiny.Uni;
import org.ubiopsgateway.gateway.eventloop.PerEventLoop;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Sends each operation of a REST client through {@link UpstreamGuard#call}, with what its annotations say, on the
 * calling event loop's own instance of the client.
 */
final class GuardedClient implements InvocationHandler {

    private final UpstreamGuard guard;
    private final PerEventLoop<?> clients;

    GuardedClient(UpstreamGuard guard, PerEventLoop<?> clients) {
        this.guard = guard;
        this.clients = clients;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "guarded " + clients.get();
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
            return (Uni<Object>) method.invoke(clients.get(), args);
        } catch (InvocationTargetException e) {
            return Uni.createFrom().failure(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
