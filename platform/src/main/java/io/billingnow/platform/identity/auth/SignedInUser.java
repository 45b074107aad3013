package io.billingnow.platform.identity.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;

/** A person signed in with a session, on an endpoint declared {@link RequiresSignIn}. */
public record SignedInUser(UUID userId, UUID sessionId) {

    static final String PROPERTY = SignedInUser.class.getName();

    public static SignedInUser of(ContainerRequestContext request) {
        return (SignedInUser) request.getProperty(PROPERTY);
    }
}
