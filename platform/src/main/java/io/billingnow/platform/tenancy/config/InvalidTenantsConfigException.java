package io.billingnow.platform.tenancy.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The folder was refused as a whole: nothing was applied. The message lists every problem with file and field. */
public final class InvalidTenantsConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public InvalidTenantsConfigException(Path folder, List<ConfigProblem> problems) {
        super("tenants-config folder " + folder + " is invalid, no tenant was changed:"
                + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining()));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
