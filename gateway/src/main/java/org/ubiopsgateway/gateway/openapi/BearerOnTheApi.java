package org.ubiopsgateway.gateway.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.List;

/**
 * The document's one security scheme, callers' JWTs as bearer tokens, required by every {@code /api/v1} operation,
 * so Swagger UI's "Authorize" applies to "Try it out"; and the gate's two answers, 401 and 403 (problem+json, as the
 * operation's other errors). The routes are guarded by {@code security.AccessFilter}, not by annotations a scanner
 * could see, so the document says it here. Run at build time, as the document is made (gateway/pom.xml).
 */
public class BearerOnTheApi implements OASFilter {

    private static final String API = "/api/v1";
    private static final String SCHEME = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT").description(
                        "A JWT from the callers' issuer (in dev mode: the one its log prints, or one its token route signs)"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.equals(API) || path.startsWith(API + "/")) {
                for (Operation operation : item.getOperations().values()) {
                    operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
                    documentGate(operation);
                }
            }
        });
    }

    /** 401 and 403 unless the operation says them itself, with the content of its own problem answers. */
    private static void documentGate(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null || responses.getAPIResponses() == null) {
            return;
        }
        Content problem = responses.getAPIResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("4") && e.getValue().getContent() != null)
                .map(e -> e.getValue().getContent()).findFirst().orElse(null);
        if (!responses.hasAPIResponse("401")) {
            responses.addAPIResponse("401", OASFactory.createAPIResponse().content(problem).description(
                    "No bearer token, or one that is invalid, expired or not meant for this gateway (with WWW-Authenticate)"));
        }
        if (!responses.hasAPIResponse("403")) {
            responses.addAPIResponse("403", OASFactory.createAPIResponse().content(problem).description(
                    "The token's role does not allow this operation, or its projects claim does not name the project"));
        }
    }
}
