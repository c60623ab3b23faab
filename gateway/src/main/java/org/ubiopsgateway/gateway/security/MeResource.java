package org.ubiopsgateway.gateway.security;

import org.ubiopsgateway.contract.MeApi;
import org.ubiopsgateway.model.me.Me;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code GET /api/v1/me}: the caller as its token says, no upstream call. */
public class MeResource implements MeApi {

    private final CallerScope scope;

    public MeResource(CallerScope scope) {
        this.scope = scope;
    }

    @Override
    public CompletionStage<Me> me() {
        Caller caller = scope.caller();
        List<String> projects = caller.allProjects() ? List.of() : caller.projects().stream().sorted().toList();
        return CompletableFuture.completedFuture(
                new Me(caller.subject(), caller.name(), caller.roles(), projects, caller.allProjects()));
    }
}
