package io.billingnow.platform.identity.auth;

/**
 * The platform acting on its own account rather than for a person or a key, e.g. the tenants-config reconciler
 * (actor type {@code config}, actor id the file it applied). Never authenticated from a request.
 */
public record SystemCaller(String actorType, String actorId) implements Caller {

    public static SystemCaller config(String file) {
        return new SystemCaller("config", file);
    }
}
