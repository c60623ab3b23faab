package org.ubiopsgateway.client;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.ubiopsgateway.contract.VersionsApi;

/** {@link VersionsApi} as a MicroProfile REST client of the gateway. */
@RegisterRestClient(configKey = "ubiops-gateway")
@RegisterClientHeaders(GatewayBearerToken.class)
@RegisterProvider(ProblemResponseMapper.class)
public interface VersionsClient extends VersionsApi {
}
