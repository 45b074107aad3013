package io.billingnow.platform.providers.plugins;

import io.billingnow.sdk.PaymentProviderFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * A plugins folder for tests: the real plugin zips of this build (copied by Maven to target/test-plugins) and plugins
 * compiled and zipped right here, in PF4J's layout, to play the parts real plugins must not: one bundling its own
 * {@code com.fasterxml.jackson.databind.ObjectMapper}, one requiring a future SDK, and ones that throw, hang or lie.
 */
public final class TestPlugins {

    /** Provider ids of the misbehaving test plugins, by behaviour. */
    public static final String THROWING = "throwing";
    public static final String HANGING = "hanging";
    public static final String LYING = "lying";
    /** Refuses every payment link with a {@code ProviderException} of the kind named in its {@code note} credential. */
    public static final String REFUSING = "refusing";
    public static final String ISOLATED = "isolated";
    public static final String FUTURE = "future";

    /** Counts its provider's {@code close()} calls in the static {@code CLOSED} of its factory class. */
    public static final String CLOSING = "closing";
    public static final String CLOSING_FACTORY = "test.plugin.closing.ClosingFactory";
    /** Plugins the host must refuse while it starts anyway: no factory, two, and a service file naming no class. */
    public static final String NO_FACTORY = "no-factory";
    public static final String TWO_FACTORIES = "two-factories";
    public static final String MISSING_FACTORY = "missing-factory";

    private TestPlugins() {
    }

    /**
     * A fresh folder with the lifecycle test plugins only: one that counts its closes, and three the host refuses.
     */
    public static Path lifecycleFolder() {
        try {
            Path dir = Files.createTempDirectory("billingnow-lifecycle-plugins-");
            writeZip(dir.resolve(CLOSING + "-plugin.zip"), CLOSING, ">=0.1.0 & <1.0.0",
                    compile(Map.of("test/plugin/closing/ClosingFactory.java", CLOSING_SOURCE)), null);
            writeZip(dir.resolve(NO_FACTORY + "-plugin.zip"), NO_FACTORY, ">=0.1.0 & <1.0.0",
                    compile(Map.of("test/plugin/none/Unrelated.java",
                            "package test.plugin.none;\npublic class Unrelated {}\n")), List.of(), null);
            writeZip(dir.resolve(TWO_FACTORIES + "-plugin.zip"), TWO_FACTORIES, ">=0.1.0 & <1.0.0",
                    compile(Map.of(
                            "test/plugin/two/FirstFactory.java", namedFactorySource("two", "FirstFactory", "two-a"),
                            "test/plugin/two/SecondFactory.java", namedFactorySource("two", "SecondFactory", "two-b"))),
                    null);
            writeZip(dir.resolve(MISSING_FACTORY + "-plugin.zip"), MISSING_FACTORY, ">=0.1.0 & <1.0.0",
                    Map.of(), List.of("test.plugin.missing.GoneFactory"), null);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String CLOSING_SOURCE = """
            package test.plugin.closing;

            import io.billingnow.sdk.*;
            import io.billingnow.sdk.link.*;
            import io.billingnow.sdk.webhook.*;
            import java.util.*;
            import java.util.concurrent.atomic.AtomicInteger;

            public class ClosingFactory implements PaymentProviderFactory {
                public static final AtomicInteger CLOSED = new AtomicInteger();

                public ProviderDescriptor descriptor() {
                    return new ProviderDescriptor("closing", "Closing", Set.of(), List.of(), Optional.empty());
                }

                public PaymentProvider create(ProviderContext context) {
                    return new PaymentProvider() {
                        public VerifiedWebhook verifyWebhook(WebhookRequest request) {
                            throw new UnsupportedOperationException();
                        }

                        public PaymentLink createPaymentLink(PaymentLinkRequest request) {
                            throw new UnsupportedOperationException();
                        }

                        @Override
                        public void close() {
                            CLOSED.incrementAndGet();
                        }
                    };
                }
            }
            """;

    private static String namedFactorySource(String pkg, String name, String providerId) {
        return """
                package test.plugin.%1$s;

                import io.billingnow.sdk.*;
                import io.billingnow.sdk.link.*;
                import io.billingnow.sdk.webhook.*;
                import java.util.*;

                public class %2$s implements PaymentProviderFactory {
                    public ProviderDescriptor descriptor() {
                        return new ProviderDescriptor("%3$s", "%3$s", Set.of(), List.of(), Optional.empty());
                    }

                    public PaymentProvider create(ProviderContext context) {
                        return new PaymentProvider() {
                            public VerifiedWebhook verifyWebhook(WebhookRequest request) {
                                throw new UnsupportedOperationException();
                            }

                            public PaymentLink createPaymentLink(PaymentLinkRequest request) {
                                throw new UnsupportedOperationException();
                            }
                        };
                    }
                }
                """.formatted(pkg, name, providerId);
    }

    /** A fresh folder with the real plugin zips and every test plugin. */
    public static Path folder() {
        try {
            Path dir = Files.createTempDirectory("billingnow-plugins-");
            Path built = Paths.get("target", "test-plugins");
            try (Stream<Path> zips = Files.list(built)) {
                for (Path zip : zips.filter(p -> p.toString().endsWith(".zip")).toList()) {
                    Files.copy(zip, dir.resolve(zip.getFileName()));
                }
            }
            for (String behaviour : List.of(THROWING, HANGING, LYING)) {
                writeZip(dir.resolve(behaviour + "-plugin.zip"), behaviour, ">=0.1.0 & <1.0.0",
                        compile(Map.of("test/plugin/" + behaviour + "/MisbehavingFactory.java",
                                misbehavingSource(behaviour))), null);
            }
            writeZip(dir.resolve(REFUSING + "-plugin.zip"), REFUSING, ">=0.1.0 & <1.0.0",
                    compile(Map.of("test/plugin/refusing/RefusingFactory.java", REFUSING_SOURCE)), null);
            writeIsolated(dir.resolve("isolated-plugin.zip"), ISOLATED, ">=0.1.0 & <1.0.0");
            writeIsolated(dir.resolve("future-plugin.zip"), FUTURE, ">=2.0.0");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds to {@code folder} a plugin compiled from {@code sources} against the SDK (its {@code *Factory} classes named
     * in its service file), for a test that needs a provider of its own making.
     */
    public static Path withPlugin(Path folder, String id, Map<String, String> sources) {
        try {
            writeZip(folder.resolve(id + "-plugin.zip"), id, ">=0.1.0 & <1.0.0", compile(sources), null);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String misbehavingSource(String behaviour) {
        return """
                package test.plugin.%1$s;

                import io.billingnow.sdk.*;
                import io.billingnow.sdk.link.*;
                import io.billingnow.sdk.webhook.*;
                import java.net.URI;
                import java.util.*;

                public class MisbehavingFactory implements PaymentProviderFactory {
                    public ProviderDescriptor descriptor() {
                        return new ProviderDescriptor("%1$s", "Misbehaving (%1$s)",
                                EnumSet.of(Capability.WEBHOOKS, Capability.PAYMENT_LINKS),
                                List.of(CredentialField.optional("note", "Note", false, ".*")),
                                Optional.of(CredentialField.required("secret", "Secret", true, ".+")));
                    }

                    public PaymentProvider create(ProviderContext context) {
                        return new PaymentProvider() {
                            public VerifiedWebhook verifyWebhook(WebhookRequest request) {
                                return (VerifiedWebhook) misbehave(null);
                            }

                            public PaymentLink createPaymentLink(PaymentLinkRequest request) {
                                return (PaymentLink) misbehave(new PaymentLink(URI.create("https://pay.example/x"),
                                        "ref", request.expiresAt().plusSeconds(3600)));
                            }
                        };
                    }

                    static Object misbehave(Object garbage) {
                        switch ("%1$s") {
                            case "throwing":
                                throw new IllegalStateException("a plugin bug");
                            case "hanging":
                                try {
                                    Thread.sleep(60_000);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                return garbage;
                            default:
                                return garbage;
                        }
                    }
                }
                """.formatted(behaviour);
    }

    private static final String REFUSING_SOURCE = """
            package test.plugin.refusing;

            import io.billingnow.sdk.*;
            import io.billingnow.sdk.link.*;
            import io.billingnow.sdk.webhook.*;
            import java.util.*;

            public class RefusingFactory implements PaymentProviderFactory {
                public ProviderDescriptor descriptor() {
                    return new ProviderDescriptor("refusing", "Refusing", EnumSet.of(Capability.PAYMENT_LINKS),
                            List.of(CredentialField.required("note", "Kind", false, "[A-Z_]+")), Optional.empty());
                }

                public PaymentProvider create(ProviderContext context) {
                    return new PaymentProvider() {
                        public VerifiedWebhook verifyWebhook(WebhookRequest request) {
                            throw new UnsupportedOperationException();
                        }

                        public PaymentLink createPaymentLink(PaymentLinkRequest request) throws ProviderException {
                            String kind = request.credentials().require("note");
                            throw new ProviderException(ProviderException.Kind.valueOf(kind), "refused as asked");
                        }
                    };
                }
            }
            """;

    /** Reports, in its display name, what its own code sees: its bundled Jackson stub and none of the host. */
    private static String isolatedSource(String id) {
        return """
                package test.plugin.isolated;

                import io.billingnow.sdk.*;
                import java.util.*;

                public class IsolatedFactory implements PaymentProviderFactory {
                    public ProviderDescriptor descriptor() {
                        String sees = "jackson=" + com.fasterxml.jackson.databind.ObjectMapper.origin()
                                + " platform=" + visible("io.billingnow.platform.app.BillingNowApplication")
                                + " caffeine=" + visible("com.github.benmanes.caffeine.cache.Caffeine")
                                + " sdk=" + visible("io.billingnow.sdk.Money");
                        return new ProviderDescriptor("%s", sees, Set.of(), List.of(), Optional.empty());
                    }

                    static boolean visible(String name) {
                        try {
                            Class.forName(name, false, IsolatedFactory.class.getClassLoader());
                            return true;
                        } catch (ClassNotFoundException e) {
                            return false;
                        }
                    }

                    public PaymentProvider create(ProviderContext context) {
                        return new PaymentProvider() {
                            public io.billingnow.sdk.webhook.VerifiedWebhook verifyWebhook(
                                    io.billingnow.sdk.webhook.WebhookRequest request) {
                                throw new UnsupportedOperationException();
                            }

                            public io.billingnow.sdk.link.PaymentLink createPaymentLink(
                                    io.billingnow.sdk.link.PaymentLinkRequest request) {
                                throw new UnsupportedOperationException();
                            }
                        };
                    }
                }
                """.formatted(id);
    }

    /**
     * A plugin whose lib/jackson-stub.jar holds a class with the host's Jackson's name and a method the real one does
     * not have; its factory calls that method.
     */
    private static void writeIsolated(Path zip, String id, String requires) throws IOException {
        Map<String, byte[]> all = compile(Map.of(
                "test/plugin/" + id + "/IsolatedFactory.java",
                isolatedSource(id).replace("package test.plugin.isolated;", "package test.plugin." + id + ";"),
                "com/fasterxml/jackson/databind/ObjectMapper.java", """
                        package com.fasterxml.jackson.databind;

                        public class ObjectMapper {
                            public static String origin() {
                                return "plugin-stub";
                            }
                        }
                        """));
        Map<String, byte[]> own = new LinkedHashMap<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> c : all.entrySet()) {
                if (c.getKey().startsWith("com/fasterxml/")) {
                    jar.putNextEntry(new JarEntry(c.getKey()));
                    jar.write(c.getValue());
                    jar.closeEntry();
                } else {
                    own.put(c.getKey(), c.getValue());
                }
            }
        }
        writeZip(zip, id, requires, own, bytes.toByteArray());
    }

    /** A plugin zip whose service file names each compiled {@code *Factory} class. */
    private static void writeZip(Path zip, String id, String requires, Map<String, byte[]> classes, byte[] libJar)
            throws IOException {
        List<String> factories = new ArrayList<>();
        for (String path : classes.keySet()) {
            if (path.endsWith("Factory.class")) {
                factories.add(path.replace('/', '.').replace(".class", ""));
            }
        }
        writeZip(zip, id, requires, classes, factories, libJar);
    }

    private static void writeZip(Path zip, String id, String requires, Map<String, byte[]> classes,
                                 List<String> declaredFactories, byte[] libJar) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            put(z, "plugin.properties", ("plugin.id=" + id + "\nplugin.version=0.0.1\nplugin.requires=" + requires
                    + "\nplugin.provider=BillingNow tests\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                put(z, "classes/" + c.getKey(), c.getValue());
            }
            if (!declaredFactories.isEmpty()) {
                put(z, "classes/META-INF/services/" + PaymentProviderFactory.class.getName(),
                        String.join("\n", declaredFactories).concat("\n").getBytes(StandardCharsets.UTF_8));
            }
            if (libJar != null) {
                put(z, "lib/jackson-stub.jar", libJar);
            }
        }
    }

    private static void put(ZipOutputStream z, String name, byte[] content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content);
        z.closeEntry();
    }

    /** Compiles sources against the SDK only (not the test class path), returning class files by path. */
    private static Map<String, byte[]> compile(Map<String, String> sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createTempDirectory("billingnow-test-plugin-classes-");
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
            files.setLocation(StandardLocation.CLASS_PATH, List.of(location(PaymentProviderFactory.class)));
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((path, code) -> units.add(new SimpleJavaFileObject(
                    java.net.URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return code;
                }
            }));
            StringBuilderWriter diagnostics = new StringBuilderWriter();
            boolean ok = compiler.getTask(diagnostics, files, null, List.of("--release", "17", "-proc:none"), null,
                    units).call();
            if (!ok) {
                throw new IllegalStateException("test plugin does not compile:\n" + diagnostics);
            }
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                classes.put(out.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return classes;
    }

    private static java.io.File location(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class StringBuilderWriter extends java.io.StringWriter {
    }
}
