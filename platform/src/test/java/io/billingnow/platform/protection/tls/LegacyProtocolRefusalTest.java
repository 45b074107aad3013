package io.billingnow.platform.protection.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that it is our listener configuration, not the JDK's defaults, that refuses TLS 1.0 and 1.1: a separate JVM
 * re-enables them in {@code jdk.tls.disabledAlgorithms} (which only takes effect before JSSE first loads, hence
 * the separate process), then a plain JSSE client offers each protocol on its own.
 */
class LegacyProtocolRefusalTest {

    @TempDir
    Path directory;

    @Test
    void serverRefusesTls11AndTls10EvenWhenTheJdkWouldAllowThem() throws Exception {
        Path securityProperties = directory.resolve("relaxed.java.security");
        Files.writeString(securityProperties, "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, "
                + "DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n");

        List<String> probe = runProbe(securityProperties);

        assertThat(probe).contains("PROBE TLSv1.2 accepted TLSv1.2");
        // The client really offers the legacy protocols...
        assertThat(probe).anySatisfy(line -> assertThat(line).startsWith("PROBE client-enabled ")
                .contains("TLSv1.1"));
        // ...and the refusal is an alert sent by the server, not a local "No appropriate protocol";
        // protocol_version (not handshake_failure) shows it is the protocol list, not the suite list, that says no.
        // (JDK 25 prefixes the alert's message with "(protocol_version) "; JDK 17 does not.)
        for (String legacy : new String[] {"TLSv1.1", "TLSv1"}) {
            assertThat(probe).anySatisfy(line -> assertThat(line).startsWith("PROBE " + legacy + " refused ")
                    .endsWith("Received fatal alert: protocol_version"));
        }
    }

    private List<String> runProbe(Path securityProperties) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = directory.resolve("probe.out");
        Process process = new ProcessBuilder(java.toString(),
                "-Djava.security.properties=" + securityProperties,
                "-cp", System.getProperty("java.class.path"),
                LegacyTlsProbe.class.getName(), directory.resolve("tls").toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("probe JVM did not finish: " + Files.readString(output));
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        return lines.stream().filter(line -> line.startsWith("PROBE ")).toList();
    }
}
