package io.billingnow.platform.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * The chain's hash: SHA-256 over the previous entry's hash and every field of the entry, each length-prefixed so
 * that no two different entries can produce the same byte stream. The first entry's previous hash is 32 zero bytes.
 */
final class AuditHashing {

    static final byte[] GENESIS = new byte[32];

    private AuditHashing() {
    }

    static byte[] hash(byte[] prevHash, long seq, UUID id, Instant occurredAt, String actorType, String actorId,
                       String entityType, String entityId, String action, String before, String after,
                       String requestId) {
        MessageDigest sha = sha256();
        sha.update(prevHash);
        sha.update(ByteBuffer.allocate(8).putLong(seq).array());
        field(sha, id.toString());
        field(sha, occurredAt.toString());
        field(sha, actorType);
        field(sha, actorId);
        field(sha, entityType);
        field(sha, entityId);
        field(sha, action);
        field(sha, before);
        field(sha, after);
        field(sha, requestId);
        return sha.digest();
    }

    private static void field(MessageDigest sha, String value) {
        if (value == null) {
            sha.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
