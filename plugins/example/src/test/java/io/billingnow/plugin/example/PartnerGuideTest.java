package io.billingnow.plugin.example;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner guide (plugins/README.md) is this plugin: each code block marked {@code <!-- file: PATH -->} must be
 * that file of plugins/, character for character, and every Java or XML block must be so marked. A change to the
 * example that the guide does not follow, or a guide edit the example does not have, fails the build.
 */
class PartnerGuideTest {

    /** A marker line, then a fenced block: the path, the fence's language and the block's content. */
    private static final Pattern MARKED_BLOCK = Pattern.compile(
            "<!-- file: (\\S+) -->\\n```(\\w*)\\n(.*?)^```$", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern CODE_BLOCK = Pattern.compile("^```(java|xml)$", Pattern.MULTILINE);

    /** The module runs its tests in plugins/example; the guide and the paths it names are relative to plugins/. */
    private static final Path PLUGINS = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyFileTheGuideShowsIsTheExamplesFileAsItIs() throws IOException {
        Map<String, String> shown = shownFiles();
        assertThat(shown).isNotEmpty();
        for (Map.Entry<String, String> block : shown.entrySet()) {
            Path file = PLUGINS.resolve(block.getKey()).normalize();
            assertThat(file).as("the guide shows %s", block.getKey()).startsWith(PLUGINS).isRegularFile();
            assertThat(block.getValue()).as("plugins/README.md's copy of %s", block.getKey())
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theGuideShowsThePomTheEntryPointAndBothTests() throws IOException {
        assertThat(shownFiles().keySet()).contains(
                "example/pom.xml",
                "example/src/main/resources/META-INF/services/io.billingnow.sdk.PaymentProviderFactory",
                "example/src/main/java/io/billingnow/plugin/example/BankTransferProviderFactory.java",
                "example/src/main/java/io/billingnow/plugin/example/BankTransferProvider.java",
                "example/src/test/java/io/billingnow/plugin/example/BankTransferContractTest.java",
                "example/src/test/java/io/billingnow/plugin/example/ExamplePluginZipIT.java");
    }

    @Test
    void everyJavaAndXmlBlockOfTheGuideIsAMarkedFile() throws IOException {
        String guide = guide();
        Matcher code = CODE_BLOCK.matcher(guide);
        int blocks = 0;
        while (code.find()) {
            blocks++;
        }
        long marked = shownFiles().keySet().stream().filter(p -> p.endsWith(".java") || p.endsWith(".xml")).count();
        assertThat(marked).as("java and xml blocks without a <!-- file: --> marker: nothing would keep them true")
                .isEqualTo(blocks);
    }

    @Test
    void thePartnersPomIsShort() throws IOException {
        List<String> pom = Files.readAllLines(PLUGINS.resolve("example/pom.xml"));
        assertThat(pom).as("the parent is meant to carry the rest").hasSizeLessThanOrEqualTo(30);
    }

    private static Map<String, String> shownFiles() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        Matcher m = MARKED_BLOCK.matcher(guide());
        while (m.find()) {
            assertThat(files.put(m.group(1), m.group(3))).as("%s shown twice", m.group(1)).isNull();
        }
        return files;
    }

    private static String guide() throws IOException {
        return Files.readString(PLUGINS.resolve("README.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
