package org.ubiopsgateway.gateway.templates;

import org.ubiopsgateway.contract.TemplatesApi;
import org.ubiopsgateway.model.templates.Template;

import java.util.List;
import java.util.concurrent.CompletionStage;

public class TemplatesResource implements TemplatesApi {

    private final TemplatesService service;

    public TemplatesResource(TemplatesService service) {
        this.service = service;
    }

    @Override
    public CompletionStage<List<Template>> listTemplates() {
        return service.list().subscribeAsCompletionStage();
    }
}
