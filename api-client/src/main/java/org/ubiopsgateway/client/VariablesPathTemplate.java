package org.ubiopsgateway.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Names the route template of a variables call ({@code /api/v1/projects/{project}/environment-variables/{id}}), which
 * a Quarkus REST client knows for a root interface's methods but not for a sub-resource's: without it the client's
 * metrics and traces would label each call with its URL, a series for every project, deployment, version and id.
 */
public class VariablesPathTemplate implements ClientRequestFilter {

    /** The request property Quarkus's client metrics and traces take the route template from. */
    static final String PROPERTY = "UrlPathTemplate";

    @Override
    public void filter(ClientRequestContext request) {
        if (request.getProperty(PROPERTY) == null) {
            request.setProperty(PROPERTY, template(request.getUri().getRawPath()));
        }
    }

    /** The path with each name and id replaced by its parameter, the segment after the one naming its kind. */
    static String template(String path) {
        StringBuilder template = new StringBuilder();
        String previous = "";
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            template.append('/').append(switch (previous) {
                case "projects" -> "{project}";
                case "deployments" -> "{deployment}";
                case "versions" -> "{version}";
                case "environment-variables" -> segment.equals("copy") || segment.equals("effective") ? segment : "{id}";
                default -> segment;
            });
            previous = segment;
        }
        return template.toString();
    }
}
