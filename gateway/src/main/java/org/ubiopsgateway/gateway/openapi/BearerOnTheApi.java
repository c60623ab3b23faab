package org.ubiopsgateway.gateway.openapi;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

import java.util.List;

/**
 * Every {@code /api/v1} operation requires the bearer scheme, so Swagger UI's "Authorize" applies to "Try it out".
 * The routes are guarded by {@code security.AccessFilter}, not by annotations Quarkus could see, so the document
 * says it here. Registered with {@code mp.openapi.filter}.
 */
public class BearerOnTheApi implements OASFilter {

    private static final String API = "/api/v1";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String scheme = ConfigProvider.getConfig().getValue("quarkus.smallrye-openapi.security-scheme-name", String.class);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.equals(API) || path.startsWith(API + "/")) {
                for (Operation operation : item.getOperations().values()) {
                    operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(scheme)));
                }
            }
        });
    }
}
