package org.ubiopsgateway.emulator;

import io.vertx.ext.web.Router;

/** The emulator's own control endpoints under {@code /emulator}, outside the API. TODO(agent P). */
final class ControlRoutes {
    private ControlRoutes() {
    }

    static void mount(Router root, UbiOpsEmulator emulator) {
        root.get("/emulator/health").handler(ctx -> Api.json(ctx, 200, new io.vertx.core.json.JsonObject().put("status", "UP")));
    }
}
