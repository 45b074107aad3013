package io.billingnow.platform.tenancy.settings;

/** Images for tests of other packages (the settings page, the browser test). */
public final class LogoApiTestImages {

    private LogoApiTestImages() {
    }

    public static byte[] png(int width, int height) {
        return LogoApiTest.image("png", width, height);
    }
}
