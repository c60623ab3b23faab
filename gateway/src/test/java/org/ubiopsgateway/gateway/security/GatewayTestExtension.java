package org.ubiopsgateway.gateway.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.restassured.RestAssured;
import org.ubiopsgateway.gateway.cache.ReadCache;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test of the module through META-INF/services (quarkus-junit already turns on extension
 * autodetection in its junit-platform.properties, which a file of ours would shadow): installs the default
 * admin token and the service-token leak check on REST Assured, once per class loader that runs tests, and empties
 * the gateway's read cache before each test, as tests reset the emulator: each starts from a cold gateway.
 */
public class GatewayTestExtension implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        // A @QuarkusTest runs in Quarkus's class loader, with its own copy of RestAssured: install there too.
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        Class<?> inQuarkus = Class.forName(GatewayTestExtension.class.getName(), true, loader);
        inQuarkus.getMethod("install").invoke(null);
        inQuarkus.getMethod("emptyCache").invoke(null);
    }

    public static void emptyCache() {
        ArcContainer container = Arc.container();
        if (container != null && container.isRunning()) {
            container.instance(ReadCache.class).get().clear().await().indefinitely();
        }
    }

    public static synchronized void install() {
        if (RestAssured.filters().stream().noneMatch(DefaultTokenFilter.class::isInstance)) {
            RestAssured.filters(new DefaultTokenFilter(), new ServiceTokenLeakFilter());
        }
    }
}
