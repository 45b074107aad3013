package io.billingnow.platform.http;

/** Where a problem about a path or query parameter points: the parameter's name as a pointer (docs/api-conventions.md). */
public final class Parameters {

    private Parameters() {
    }

    public static String pointer(String name) {
        return "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
