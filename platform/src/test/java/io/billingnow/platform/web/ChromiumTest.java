package io.billingnow.platform.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing browser skips the browser tests on a developer's machine and fails them on CI. */
class ChromiumTest {

    @Test
    void aMissingBrowserFailsOnCi() {
        assertThatThrownBy(() -> Chromium.requireInstalled(null, "/usr/bin/chromedriver", true))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("on CI");
        assertThatThrownBy(() -> Chromium.requireInstalled("/usr/bin/chromium", null, true))
                .isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void aMissingBrowserSkipsElsewhere() {
        assertThatThrownBy(() -> Chromium.requireInstalled(null, null, false))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void anInstalledBrowserRuns() {
        assertThatCode(() -> Chromium.requireInstalled("/usr/bin/chromium", "/usr/bin/chromedriver", true))
                .doesNotThrowAnyException();
    }
}
