package io.billingnow.platform.idempotency;

import io.billingnow.platform.identity.auth.RequiresPermission;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/** Puts {@link IdempotencyFilter} in front of every tenant POST: the header is optional, but honoured everywhere. */
public final class IdempotencyFeature implements DynamicFeature {

    private final IdempotencyFilter filter;

    public IdempotencyFeature(IdempotencyFilter filter) {
        this.filter = filter;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        var method = resourceInfo.getResourceMethod();
        if (method.isAnnotationPresent(POST.class) && method.isAnnotationPresent(RequiresPermission.class)) {
            context.register(filter);
        }
    }
}
