package org.ubiopsgateway.emulator;

/** The 30 deployment operations. TODO(agent D). */
final class DeploymentRoutes {
    private DeploymentRoutes() {
    }

    static void mount(Api api, UbiOpsEmulator emulator) {
    }
}
