package io.billingnow.sdk;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards the rule that the SDK holds only interfaces, records, enums, exceptions and annotations. */
class ApiShapeTest {

    @Test
    void everyPublicTypeIsAnInterfaceRecordEnumExceptionOrAnnotation() throws Exception {
        List<Class<?>> types = sdkTypes();
        assertThat(types).hasSizeGreaterThan(20);
        for (Class<?> type : types) {
            boolean allowed = type.isInterface() || type.isRecord() || type.isEnum() || type.isAnnotation()
                    || Throwable.class.isAssignableFrom(type);
            assertThat(allowed).as("%s must be an interface, record, enum, exception or annotation", type)
                    .isTrue();
        }
    }

    @Test
    void extendsAndImplementsNothingButTheJdkAndItsOwnTypes() throws Exception {
        // A framework supertype (say PF4J's ExtensionPoint) would be part of the published contract for ever.
        for (Class<?> type : sdkTypes()) {
            Stream.concat(Stream.ofNullable(type.getSuperclass()), Stream.of(type.getInterfaces()))
                    .forEach(s -> assertThat(s.getName()).as("supertype of %s", type.getName())
                            .matches("(java\\.|io\\.billingnow\\.sdk\\.).*"));
        }
    }

    @Test
    void dependsOnNoFrameworkTypes() throws Exception {
        for (Class<?> type : sdkTypes()) {
            for (var m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers())) {
                    continue;
                }
                Stream.concat(Stream.of(m.getReturnType()), Stream.of(m.getParameterTypes()))
                        .map(c -> c.isArray() ? c.getComponentType() : c)
                        .filter(c -> !c.isPrimitive())
                        .forEach(c -> assertThat(c.getName()).as("%s#%s", type.getSimpleName(), m.getName())
                                .matches("(java\\.|io\\.billingnow\\.sdk\\.).*"));
            }
        }
    }

    private static List<Class<?>> sdkTypes() throws IOException, URISyntaxException {
        Path root = Path.of(SdkVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString())
                    .filter(p -> p.endsWith(".class") && !p.contains("$") && !p.endsWith("package-info.class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .map(ApiShapeTest::load)
                    .filter(c -> Modifier.isPublic(c.getModifiers()))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
