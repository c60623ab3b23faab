package org.ubiopsgateway.client;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.ubiopsgateway.contract.EnvironmentVariablesApi;

/** {@link EnvironmentVariablesApi} as a MicroProfile REST client: pick the level, then call its operation. */
@RegisterRestClient(configKey = "ubiops-gateway")
@RegisterClientHeaders(GatewayBearerToken.class)
@RegisterProvider(ProblemResponseMapper.class)
@RegisterProvider(VariablesPathTemplate.class)
public interface EnvironmentVariablesClient extends EnvironmentVariablesApi {
}
