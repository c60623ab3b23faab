package org.ubiopsgateway.gateway.testing;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import org.eclipse.microprofile.health.Readiness;
import org.ubiopsgateway.gateway.cache.ReadCache;
import org.ubiopsgateway.gateway.dev.EmbeddedEmulator;
import org.ubiopsgateway.gateway.health.UpstreamReadiness;
import org.ubiopsgateway.gateway.resilience.UpstreamGuard;
import org.ubiopsgateway.gateway.security.TestTokens;

/**
 * Every test starts from a gateway as after a restart, whatever the tests before it did in the one running
 * application: the embedded emulator reseeded (faults and journal empty), the read cache empty, every circuit closed,
 * the upstream budget full and no readiness history. And REST Assured sends the default admin token and checks every
 * answer for the service token ({@link TestTokens#installDefaults()}).
 *
 * <p>Registered in META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback. Quarkus runs it in
 * the application's class loader before the test's own {@code @BeforeEach}. Integration tests run it too (failsafe
 * sets {@code quarkus.test.enable-callbacks-for-integration-tests}): there the application is another process, so
 * only the REST Assured part applies.
 */
public class FreshGatewayBeforeEachTest implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        TestTokens.installDefaults();
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning()) {
            return;
        }
        container.select(ReadCache.class).get().clear();
        container.select(UpstreamGuard.class).get().reset(); // the circuits and the upstream budget
        // a health check is a bean only with its qualifier
        container.select(UpstreamReadiness.class, Readiness.Literal.INSTANCE).get().reset();
        // last, so the journal holds only what the test itself causes
        InjectableInstance<EmbeddedEmulator> embedded = container.select(EmbeddedEmulator.class);
        if (embedded.isResolvable()) {
            embedded.get().emulator().reset();
        }
    }
}
