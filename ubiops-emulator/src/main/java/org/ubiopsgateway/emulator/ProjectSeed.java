package org.ubiopsgateway.emulator;

/** Seeded organization, projects and their project-level objects. TODO(agent P). */
final class ProjectSeed {
    private ProjectSeed() {
    }

    static void load(Store store, EmulatorOptions options, java.nio.file.Path files) {
    }
}
