package io.billingnow.platform.providers.plugins;

import io.billingnow.platform.identity.auth.RequiresOperator;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The operators' view of payment-provider plugins: version, state, provider descriptor and health. */
@Path("/admin/v1/plugins")
@Produces(MediaType.APPLICATION_JSON)
public final class PluginsResource {

    private final PluginHost host;

    public PluginsResource(PluginHost host) {
        this.host = host;
    }

    @Operation(summary = "List installed payment provider plugins")
    @GET
    @RequiresOperator(readOnly = true)
    public Map<String, List<PluginHost.PluginView>> list() {
        return Map.of("data", host.plugins());
    }
}
