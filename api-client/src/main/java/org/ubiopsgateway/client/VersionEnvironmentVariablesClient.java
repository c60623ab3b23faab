package org.ubiopsgateway.client;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The gateway's version-level environment variables, for other services. */
@RegisterRestClient(configKey = "ubiops-gateway")
@RegisterClientHeaders(GatewayBearerToken.class)
@RegisterProvider(ProblemResponseMapper.class)
public interface VersionEnvironmentVariablesClient extends VersionEnvironmentVariablesApi {
}
