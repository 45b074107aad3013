package io.billingnow.platform.testing;

/**
 * Dropwizard Testing passes configuration overrides as {@code dw.*} system properties and restores them when an app
 * stops; an app whose start fails, or two apps stopped out of order, can leave some behind. Tests that start an app
 * with a different configuration class clear them first, so they never inherit another test's settings.
 */
public final class StrayOverrides {

    private StrayOverrides() {
    }

    public static void clear() {
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("dw."))
                .forEach(System::clearProperty);
    }
}
