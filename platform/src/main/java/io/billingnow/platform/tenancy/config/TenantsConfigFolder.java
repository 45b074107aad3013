package io.billingnow.platform.tenancy.config;

import io.billingnow.platform.tenancy.TenantDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The tenants-config folder: every {@code *.yml} file directly in it is one tenant. Other files (the README, the
 * JSON Schema) are left alone, except {@code *.yaml}, which is refused so that a misnamed tenant is not silently
 * skipped.
 */
public final class TenantsConfigFolder {

    private TenantsConfigFolder() {
    }

    /**
     * Every valid definition by file name, the fields each file owns (JSON pointers, by file name), and every problem
     * found; the folder is usable only without problems.
     */
    public record Contents(Map<String, TenantDefinition> definitions, Map<String, List<String>> ownedFields,
                           List<ConfigProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Contents read(Path folder) {
        String folderName = folder.toString();
        if (!Files.isDirectory(folder)) {
            return new Contents(Map.of(), Map.of(), List.of(new ConfigProblem(folderName, "/", "is not a folder")));
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(folder)) {
            files = entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return new Contents(Map.of(), Map.of(), List.of(new ConfigProblem(folderName, "/", "cannot be listed: "
                    + e.getMessage())));
        }
        Map<String, TenantDefinition> definitions = new LinkedHashMap<>();
        Map<String, List<String>> owned = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".yaml")) {
                problems.add(new ConfigProblem(name, "/", "tenant files are named <slug>" + TenantFile.EXTENSION));
            } else if (name.endsWith(TenantFile.EXTENSION)) {
                TenantFile.Result result = TenantFile.read(file);
                problems.addAll(result.problems());
                if (result.valid()) {
                    definitions.put(name, result.definition());
                    owned.put(name, result.ownedFields());
                }
            }
        }
        return new Contents(definitions, owned, problems);
    }

    /** The folder's contents, or an exception naming every problem. */
    public static Contents readValid(Path folder) {
        Contents contents = read(folder);
        if (!contents.valid()) {
            throw new InvalidTenantsConfigException(folder, contents.problems());
        }
        return contents;
    }
}
