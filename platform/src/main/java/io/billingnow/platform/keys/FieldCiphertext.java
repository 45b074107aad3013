package io.billingnow.platform.keys;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The self-describing ciphertext of one field (docs/encryption.md):
 *
 * <pre>
 * offset  size  content
 * 0       1     format version, 0x01
 * 1       4     data key version, unsigned big-endian
 * 5       12    nonce, random per encryption
 * 17      n+16  AES-256-GCM ciphertext of the n-byte plaintext, then the 16-byte tag
 * </pre>
 *
 * The associated data is the 5-byte header followed by the tenant id (16 bytes) and the table, column and row id,
 * each as a 2-byte length and its UTF-8 bytes: every part is length-delimited so no two contexts encode alike.
 */
public final class FieldCiphertext {

    public static final byte FORMAT_V1 = 0x01;
    static final int HEADER = 5;
    static final int NONCE = 12;
    static final int TAG = 16;
    static final int OVERHEAD = HEADER + NONCE + TAG;

    private FieldCiphertext() {
    }

    /** The key version a ciphertext names, after checking its length and format version. */
    public static int keyVersion(FieldContext field, byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < 1) {
            throw new EncryptedFieldException(EncryptedFieldException.Reason.TRUNCATED, field, true);
        }
        if (ciphertext[0] != FORMAT_V1) {
            throw new EncryptedFieldException(EncryptedFieldException.Reason.UNKNOWN_FORMAT_VERSION, field, true);
        }
        if (ciphertext.length < OVERHEAD) {
            throw new EncryptedFieldException(EncryptedFieldException.Reason.TRUNCATED, field, true);
        }
        return readInt(ciphertext, 1);
    }

    static void writeHeader(byte[] out, int keyVersion) {
        out[0] = FORMAT_V1;
        out[1] = (byte) (keyVersion >>> 24);
        out[2] = (byte) (keyVersion >>> 16);
        out[3] = (byte) (keyVersion >>> 8);
        out[4] = (byte) keyVersion;
    }

    static byte[] associatedData(byte[] header, FieldContext field) {
        String table = field.table();
        String column = field.column();
        String row = field.rowId();
        // The usual case (identifiers and uuids): ASCII, whose UTF-8 bytes are its chars, written in one pass on the
        // hot path; anything else is encoded properly below.
        byte[] aad = new byte[HEADER + 16 + 6 + table.length() + column.length() + row.length()];
        int at = start(aad, header, field.tenant().value());
        at = writeAscii(aad, at, table);
        if (at >= 0) {
            at = writeAscii(aad, at, column);
        }
        if (at >= 0) {
            at = writeAscii(aad, at, row);
        }
        if (at >= 0) {
            return aad;
        }
        return associatedData(header, field.tenant().value(), table.getBytes(StandardCharsets.UTF_8),
                column.getBytes(StandardCharsets.UTF_8), row.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] associatedData(byte[] header, UUID tenant, byte[] table, byte[] column, byte[] row) {
        byte[] aad = new byte[HEADER + 16 + 6 + table.length + column.length + row.length];
        int at = start(aad, header, tenant);
        at = writeDelimited(aad, at, table);
        at = writeDelimited(aad, at, column);
        writeDelimited(aad, at, row);
        return aad;
    }

    private static int start(byte[] aad, byte[] header, UUID tenant) {
        System.arraycopy(header, 0, aad, 0, HEADER);
        writeLong(aad, HEADER, tenant.getMostSignificantBits());
        writeLong(aad, HEADER + 8, tenant.getLeastSignificantBits());
        return HEADER + 16;
    }

    /** Writes an ASCII value with its length; returns the next position, or -1 if the value is not ASCII. */
    private static int writeAscii(byte[] out, int at, String value) {
        writeLength(out, at, value.length());
        int seen = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            seen |= c;
            out[at + 2 + i] = (byte) c;
        }
        return seen < 0x80 ? at + 2 + value.length() : -1;
    }

    private static int writeDelimited(byte[] out, int at, byte[] value) {
        writeLength(out, at, value.length);
        System.arraycopy(value, 0, out, at + 2, value.length);
        return at + 2 + value.length;
    }

    private static void writeLength(byte[] out, int at, int length) {
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("field context part longer than 65535 bytes");
        }
        out[at] = (byte) (length >>> 8);
        out[at + 1] = (byte) length;
    }

    private static void writeLong(byte[] out, int at, long value) {
        for (int i = 0; i < 8; i++) {
            out[at + i] = (byte) (value >>> (56 - 8 * i));
        }
    }

    private static int readInt(byte[] in, int at) {
        return ((in[at] & 0xFF) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
    }
}
