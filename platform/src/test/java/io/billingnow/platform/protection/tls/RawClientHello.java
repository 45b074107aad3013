package io.billingnow.platform.protection.tls;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.security.SecureRandom;

/**
 * Sends a hand-built TLS ClientHello and reports the server's first record. Unlike a JSSE client it is not bound
 * by this JVM's {@code jdk.tls.disabledAlgorithms}, so it can offer TLS 1.0/1.1 and weak suites and show that it is
 * the server that refuses them.
 */
final class RawClientHello {

    static final int TLS_1_0 = 0x0301;
    static final int TLS_1_1 = 0x0302;
    static final int TLS_1_2 = 0x0303;

    /** The server's answer: a ServerHello with the chosen suite, a fatal alert, or a closed connection. */
    record Reply(boolean serverHello, int chosenSuite, int alertDescription, boolean closed) {
    }

    private RawClientHello() {
    }

    static Reply send(int port, int clientVersion, int... suites) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(clientHello(clientVersion, suites));
            socket.getOutputStream().flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int contentType;
            try {
                contentType = in.readUnsignedByte();
            } catch (EOFException e) {
                return new Reply(false, -1, -1, true);
            }
            in.readUnsignedShort(); // record version
            int length = in.readUnsignedShort();
            byte[] fragment = new byte[length];
            in.readFully(fragment);
            if (contentType == 21) {
                return new Reply(false, -1, fragment[1] & 0xFF, false);
            }
            if (contentType == 22 && fragment[0] == 2) {
                int sessionIdLength = fragment[4 + 2 + 32] & 0xFF;
                int suiteOffset = 4 + 2 + 32 + 1 + sessionIdLength;
                int suite = ((fragment[suiteOffset] & 0xFF) << 8) | (fragment[suiteOffset + 1] & 0xFF);
                return new Reply(true, suite, -1, false);
            }
            return new Reply(false, -1, -1, false);
        }
    }

    static byte[] clientHello(int clientVersion, int... suites) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        short16(body, clientVersion);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.writeBytes(random);
        body.write(0); // no session id
        short16(body, suites.length * 2);
        for (int suite : suites) {
            short16(body, suite);
        }
        body.write(1); // one compression method:
        body.write(0); // null

        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        // supported_groups: x25519, secp256r1, secp384r1
        extension(extensions, 0x000a, new byte[] {0, 6, 0, 0x1d, 0, 0x17, 0, 0x18});
        // ec_point_formats: uncompressed
        extension(extensions, 0x000b, new byte[] {1, 0});
        // signature_algorithms: rsa_pss_rsae_sha256, rsa_pkcs1_sha256, ecdsa_secp256r1_sha256
        extension(extensions, 0x000d, new byte[] {0, 6, 0x08, 0x04, 0x04, 0x01, 0x04, 0x03});
        // extended_master_secret, renegotiation_info (initial)
        extension(extensions, 0x0017, new byte[0]);
        extension(extensions, 0xff01, new byte[] {0});
        short16(body, extensions.size());
        body.writeBytes(extensions.toByteArray());

        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        handshake.write(1); // client_hello
        handshake.write((body.size() >> 16) & 0xFF);
        short16(handshake, body.size() & 0xFFFF);
        handshake.writeBytes(body.toByteArray());

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(22);
        short16(record, TLS_1_0); // record-layer version as sent by real clients
        short16(record, handshake.size());
        record.writeBytes(handshake.toByteArray());
        return record.toByteArray();
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        short16(out, type);
        short16(out, data.length);
        out.writeBytes(data);
    }

    private static void short16(ByteArrayOutputStream out, int value) {
        out.write((value >> 8) & 0xFF);
        out.write(value & 0xFF);
    }
}
