package io.billingnow.platform.identity.apikeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** An API key as the API shows it: never the secret, only its first characters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKey(UUID id, String name, String prefix, String role, Instant createdAt, Instant expiresAt,
                     Instant revokedAt) {
}
