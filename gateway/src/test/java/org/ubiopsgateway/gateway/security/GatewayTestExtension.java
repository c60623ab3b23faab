package org.ubiopsgateway.gateway.security;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test of the module through META-INF/services (quarkus-junit already turns on extension
 * autodetection in its junit-platform.properties, which a file of ours would shadow): installs the default
 * admin token and the service-token leak check on REST Assured, once per class loader that runs tests.
 */
public class GatewayTestExtension implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        // A @QuarkusTest runs in Quarkus's class loader, with its own copy of RestAssured: install there too.
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        Class.forName(GatewayTestExtension.class.getName(), true, loader).getMethod("install").invoke(null);
    }

    public static synchronized void install() {
        if (RestAssured.filters().stream().noneMatch(DefaultTokenFilter.class::isInstance)) {
            RestAssured.filters(new DefaultTokenFilter(), new ServiceTokenLeakFilter());
        }
    }
}
