package org.ubiopsgateway.client;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.ubiopsgateway.contract.TemplatesApi;

/** {@link TemplatesApi} for other services. */
@RegisterRestClient(configKey = "ubiops-gateway")
@Path(TemplatesApi.PATH)
@RegisterClientHeaders(GatewayBearerToken.class)
@RegisterProvider(ProblemResponseMapper.class)
public interface TemplatesClient extends TemplatesApi {
}
