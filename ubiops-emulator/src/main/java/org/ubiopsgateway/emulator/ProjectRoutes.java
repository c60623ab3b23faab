package org.ubiopsgateway.emulator;

/** The 21 project operations. TODO(agent P). */
final class ProjectRoutes {
    private ProjectRoutes() {
    }

    static void mount(Api api, UbiOpsEmulator emulator) {
    }
}
