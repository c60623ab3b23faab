package org.ubiopsgateway.gateway.rest;

import java.lang.reflect.Method;

/** Resources implement the {@code api-client} interfaces, which carry the JAX-RS and validation annotations. */
final class Contracts {

    private Contracts() {
    }

    /** The declaration that carries the annotations: the interface method the resource implements, if any. */
    static Method declaration(Method method) {
        for (Class<?> contract : method.getDeclaringClass().getInterfaces()) {
            try {
                return contract.getMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException notThisOne) {
                // try the next interface
            }
        }
        return method;
    }
}
