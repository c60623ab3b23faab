package org.ubiopsgateway.emulator;

/** The demo organization and project. TODO(agents P and D). */
final class Seed {
    private Seed() {
    }

    static void load(Store store, EmulatorOptions options) {
        ProjectSeed.load(store, options);
        DeploymentSeed.load(store, options);
    }
}
