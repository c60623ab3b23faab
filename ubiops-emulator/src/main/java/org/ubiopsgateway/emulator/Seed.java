package org.ubiopsgateway.emulator;

/** The demo organization and project. TODO(agents P and D). */
final class Seed {
    private Seed() {
    }

    static void load(Store store, EmulatorOptions options, java.nio.file.Path files) {
        ProjectSeed.load(store, options, files);
        DeploymentSeed.load(store, options, files);
    }
}
