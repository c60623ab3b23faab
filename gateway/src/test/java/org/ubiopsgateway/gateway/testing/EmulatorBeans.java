package org.ubiopsgateway.gateway.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import org.ubiopsgateway.emulator.Journal;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.dev.EmbeddedEmulator;

/** The embedded emulator and its journal, for a {@code @QuarkusTest} to inject what it arranges or reads. */
@ApplicationScoped
public class EmulatorBeans {

    @Produces
    @Dependent
    UbiOpsEmulator emulator(EmbeddedEmulator embedded) {
        return embedded.emulator();
    }

    @Produces
    @Dependent
    Journal journal(EmbeddedEmulator embedded) {
        return embedded.emulator().journal();
    }
}
