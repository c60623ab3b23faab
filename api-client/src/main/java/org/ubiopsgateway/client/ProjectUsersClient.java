package org.ubiopsgateway.client;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.ubiopsgateway.contract.ProjectUsersApi;

/** {@link ProjectUsersApi} as a MicroProfile REST client, forwarding the caller's bearer token. */
@RegisterRestClient(configKey = "ubiops-gateway")
@RegisterClientHeaders(GatewayBearerToken.class)
@RegisterProvider(ProblemResponseMapper.class)
public interface ProjectUsersClient extends ProjectUsersApi {
}
