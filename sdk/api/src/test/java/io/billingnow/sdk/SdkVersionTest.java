package io.billingnow.sdk;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdkVersionTest {

    @Test
    void currentMatchesTheMavenProjectVersion() throws Exception {
        Properties build = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/sdk-build.properties")) {
            build.load(in);
        }
        assertThat(SdkVersion.CURRENT).isEqualTo(SdkVersion.parse(build.getProperty("project.version")));
    }

    @Test
    void parsesAndIgnoresQualifier() {
        assertThat(SdkVersion.parse("1.2.3-SNAPSHOT")).isEqualTo(new SdkVersion(1, 2, 3));
        assertThat(SdkVersion.parse("0.10.0").toString()).isEqualTo("0.10.0");
    }

    @Test
    void ordersNumericallyNotLexically() {
        assertThat(SdkVersion.parse("0.10.0")).isGreaterThan(SdkVersion.parse("0.9.9"));
        assertThat(SdkVersion.parse("1.0.0")).isGreaterThan(SdkVersion.parse("0.99.99"));
    }

    @Test
    void rejectsNonVersions() {
        assertThatThrownBy(() -> SdkVersion.parse("1.2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SdkVersion.parse("a.b.c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SdkVersion(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
