package io.billingnow.platform.identity.operators;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** An operator credential as it may be shown: never the secret nor its hash. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperatorToken(UUID id, String name, String role,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) Instant createdAt,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) Instant expiresAt,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) Instant revokedAt) {
}
