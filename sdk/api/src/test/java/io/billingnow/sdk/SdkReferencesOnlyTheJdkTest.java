package io.billingnow.sdk;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's compiled classes reference nothing outside the JDK's {@code java.*} packages and the SDK itself: no
 * framework type in a supertype, a signature, an annotation or a method body. Read from the byte code by the JDK's
 * {@code jdeps}, so it also sees what reflection on public signatures cannot (private code, constants, throws).
 */
class SdkReferencesOnlyTheJdkTest {

    /** One dependency line of {@code jdeps -verbose:class}: {@code    from.Type -> to.Type   where}. */
    private static final Pattern DEPENDENCY = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+.*$");

    @Test
    void compiledSdkClassesReferenceOnlyJavaAndTheSdk() throws Exception {
        List<String[]> references = references(classesOfTheSdk());
        assertThat(references).as("jdeps found no references: is the output format understood?")
                .hasSizeGreaterThan(50);
        assertThat(references).allSatisfy(r -> assertThat(r[1]).as("%s references %s", r[0], r[1])
                .matches("(java\\.|io\\.billingnow\\.sdk\\.).*"));
    }

    private static Path classesOfTheSdk() throws Exception {
        return Path.of(SdkVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<String[]> references(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException(
                "jdeps is not available: run the tests on a full JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // -filter:none keeps references within the SDK too; missing classes are still listed ("not found").
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "--multi-release", "17",
                "-verbose:class", "-filter:none", classes.toString());
        assertThat(status).as("jdeps: %s", err).isZero();
        return out.toString().lines().map(DEPENDENCY::matcher).filter(Matcher::matches)
                .map(m -> new String[] {m.group(1), m.group(2)}).toList();
    }
}
