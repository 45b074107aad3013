package io.billingnow.platform.tenancy.config;

import io.billingnow.platform.core.errors.DomainException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.billingnow.platform.tenancy.TenantDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads one tenant file, {@code <slug>.yml}. The file's tree is bound and checked by
 * {@link TenantDefinition#parse(JsonNode)}, the same binding and rules as the admin API, so a file and a request are
 * valid or invalid alike. The only rule of its own is that the slug matches the file name.
 */
public final class TenantFile {

    public static final String EXTENSION = ".yml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private TenantFile() {
    }

    /**
     * The outcome for one file: a definition when it is valid, otherwise its problems.
     *
     * @param ownedFields the JSON pointers of the fields the file sets (see {@link #ownedFields(JsonNode)})
     */
    public record Result(String fileName, TenantDefinition definition, List<String> ownedFields,
                         List<ConfigProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Result read(Path file) {
        String fileName = file.getFileName().toString();
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            return invalid(fileName, List.of(new ConfigProblem(fileName, "/", "not valid YAML: "
                    + e.getOriginalMessage())));
        } catch (IOException e) {
            return invalid(fileName, List.of(new ConfigProblem(fileName, "/", "cannot be read: " + e.getMessage())));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return invalid(fileName, List.of(new ConfigProblem(fileName, "/", "the file is empty")));
        }
        List<ConfigProblem> problems = new ArrayList<>();
        String expected = fileName.substring(0, fileName.length() - EXTENSION.length());
        JsonNode slug = root.path("slug");
        if (slug.isTextual() && !slug.asText().equals(expected)) {
            problems.add(new ConfigProblem(fileName, "/slug", "must match the file name: " + fileName
                    + " must hold slug " + expected));
        }
        TenantDefinition definition = null;
        try {
            definition = TenantDefinition.parse(root);
        } catch (DomainException e) {
            e.errors().forEach(error -> problems.add(new ConfigProblem(fileName, error.pointer(), error.message())));
        }
        if (!problems.isEmpty()) {
            return invalid(fileName, problems);
        }
        return new Result(fileName, definition, ownedFields(root), List.of());
    }

    /**
     * The fields a file owns: the tenant's name, country and currency (required in every file) and each setting the
     * file writes ({@code /settings/seller} as a whole). A setting the file leaves out belongs to the admin console.
     */
    static List<String> ownedFields(JsonNode root) {
        List<String> owned = new ArrayList<>(List.of("/name", "/country", "/currency"));
        JsonNode settings = root.path("settings");
        for (Iterator<String> names = settings.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!settings.get(name).isNull()) {
                owned.add("/settings/" + name);
            }
        }
        return List.copyOf(owned);
    }

    private static Result invalid(String fileName, List<ConfigProblem> problems) {
        return new Result(fileName, null, List.of(), List.copyOf(problems));
    }
}
