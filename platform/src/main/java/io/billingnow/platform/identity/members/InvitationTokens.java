package io.billingnow.platform.identity.members;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.billingnow.platform.identity.sessions.SigningKeys;
import io.billingnow.platform.core.TenantId;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitation tokens: HS256 JWTs naming the tenant and invitation, signed with a rotatable key whose id is the JWT's
 * {@code kid}. The token only proves we issued it; the invitation row still decides (revoked, accepted, expired).
 */
public final class InvitationTokens {

    private static final String TYPE = "billingnow-invitation";

    private final SigningKeys keys;
    private final Clock clock;

    public InvitationTokens(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public record Claims(TenantId tenant, UUID invitation) {
    }

    public String issue(TenantId tenant, UUID invitation, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("typ", TYPE)
                .claim("tid", tenant.toString())
                .jwtID(invitation.toString())
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.currentId()).build(),
                claims);
        try {
            jwt.sign(new MACSigner(keys.current()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an invitation", e);
        }
        return jwt.serialize();
    }

    public Optional<Claims> verify(String token) {
        if (token == null || token.length() > 2000) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            Optional<byte[]> key = keys.byId(jwt.getHeader().getKeyID());
            if (key.isEmpty() || !jwt.verify(new MACVerifier(key.get()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!TYPE.equals(claims.getClaim("typ")) || claims.getExpirationTime() == null
                    || !claims.getExpirationTime().toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new Claims(TenantId.of(claims.getStringClaim("tid")),
                    UUID.fromString(claims.getJWTID())));
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
