package org.ubiopsgateway.gateway.resilience;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.ubiopsgateway.gateway.health.UpstreamReadiness;

/**
 * Registered for every test through META-INF/services: each test starts with closed circuits, a full upstream budget
 * and no readiness history, whatever the tests before it did to upstream (circuits and budgets outlive a test class
 * in the one running application).
 */
public class UpstreamStateReset implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        // A @QuarkusTest runs in Quarkus's class loader, where the running application's container is.
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        Class.forName(UpstreamStateReset.class.getName(), true, loader).getMethod("reset").invoke(null);
    }

    public static void reset() {
        ArcContainer container = Arc.container();
        if (container != null && container.isRunning()) {
            container.instance(UpstreamGuard.class).get().reset();
            // a health check is a bean only with its qualifier
            container.instance(UpstreamReadiness.class, Readiness.Literal.INSTANCE).get().reset();
        }
    }
}
