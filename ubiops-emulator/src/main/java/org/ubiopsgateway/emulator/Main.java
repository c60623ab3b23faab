package org.ubiopsgateway.emulator;

/** Runs the emulator on its own: {@code java -jar ubiops-emulator-runner.jar}. TODO(agent P): options from args/env. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        UbiOpsEmulator emulator = UbiOpsEmulator.start(EmulatorOptions.defaults().withPort(8089));
        System.out.println("UbiOps emulator listening on " + emulator.baseUrl());
    }
}
