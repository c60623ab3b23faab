package org.ubiopsgateway.gateway.overview;

import org.ubiopsgateway.contract.OverviewApi;
import org.ubiopsgateway.model.overview.ProjectOverview;

import java.util.concurrent.CompletionStage;

/** The overview route; the contract, its validation and its documentation are on {@link OverviewApi}. */
public class OverviewResource implements OverviewApi {

    private final OverviewService service;

    public OverviewResource(OverviewService service) {
        this.service = service;
    }

    @Override
    public CompletionStage<ProjectOverview> getOverview(String project) {
        return service.overview(project).subscribeAsCompletionStage();
    }
}
