package io.billingnow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.core.errors.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The problem-type table of docs/api-conventions.md is what clients switch on, so it must list exactly the types the
 * platform emits, each with the status it is emitted with. The types are string literals (or constants) at the places
 * that build problems; this test reads them from {@code platform/src/main/java} and compares them with the table.
 */
class ProblemTypeTableTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path DOC = Path.of("..", "docs", "api-conventions.md");

    /** A slug argument: a string literal, or a constant declared in the same file. */
    private static final String SLUG = "(?:\"([a-z0-9]+(?:-[a-z0-9]+)*)\"|([A-Z][A-Z0-9_]*))";
    /** A status argument: a literal, or a variable (then the status is decided at run time). */
    private static final String STATUS = "(\\d{3}|[a-z]\\w*)";

    /** The kinds of refusal by simple name, with the status http.DomainStatuses gives each. */
    private static final Map<String, Integer> KINDS = DomainStatuses.STATUS.entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(e -> e.getKey().getSimpleName(), Map.Entry::getValue));
    private static final String KIND = "(" + String.join("|", KINDS.keySet()) + ")";
    /** A refusal built as its kind ({@code new Unprocessable("slug", …)}), its status that of the kind. */
    private static final Pattern KIND_THEN_SLUG = Pattern.compile("new\\s+" + KIND + "\\(\\s*" + SLUG);
    /** A feature's own refusal: {@code extends Kind} and its constructor's {@code super("slug", …)}. */
    private static final Pattern EXTENDS_KIND = Pattern.compile("\\bextends\\s+" + KIND + "\\b");
    private static final Pattern SUPER_SLUG = Pattern.compile("super\\(\\s*" + SLUG);

    /** The builders that take (status, slug, …): the problem renderers. */
    private static final List<Pattern> STATUS_THEN_SLUG = List.of(
            Pattern.compile("ProblemResponses\\.(?:of|problem)\\(\\s*" + STATUS + "\\s*,\\s*" + SLUG),
            Pattern.compile("Problems\\.body\\(\\s*" + STATUS + "\\s*,\\s*" + SLUG));

    /** The factories whose status is fixed by their name. */
    private static final Map<Pattern, Integer> FACTORY_THEN_SLUG = Map.of(
            Pattern.compile("DomainException\\.conflict\\(\\s*" + SLUG), 409,
            Pattern.compile("DomainException\\.unprocessable\\(\\s*" + SLUG), 422,
            // The request guard's 429 answer written straight to the servlet response (rate limits, lockouts).
            Pattern.compile("\\brefuse\\(\\s*response\\s*,\\s*" + SLUG), 429);

    /**
     * Refusals by Jetty and Jersey themselves (unknown route, wrong method, unreadable request line, …), whose type is
     * {@link ProblemResponses#slugOf(int)} of their status: see {@link ProblemErrorHandler} and
     * {@code ExceptionMappers.WebApplicationExceptionMapper}.
     */
    private static final List<Integer> FRAMEWORK_STATUSES = List.of(400, 404, 405, 406, 408, 413, 414, 415, 431,
            500);

    private static final Pattern CONSTANT = Pattern.compile(
            "static\\s+final\\s+String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"([a-z0-9]+(?:-[a-z0-9]+)*)\"\\s*;");
    private static final Pattern TABLE_HEADER = Pattern.compile("^\\| type \\| status \\| meaning \\|$");
    private static final Pattern STATUS_CODE = Pattern.compile("\\b[1-5]\\d\\d\\b");

    @Test
    void everyProblemTypeTheCodeEmitsIsInTheTableAndNoOther() {
        Map<String, Set<Integer>> emitted = emittedByTheCode();
        Map<String, Set<Integer>> documented = documentedInTheTable();

        Map<String, Set<Integer>> missing = new TreeMap<>();
        emitted.forEach((slug, statuses) -> {
            Set<Integer> undocumented = new TreeSet<>(statuses);
            undocumented.removeAll(documented.getOrDefault(slug, Set.of()));
            undocumented.remove(-1);
            if (!documented.containsKey(slug) || !undocumented.isEmpty()) {
                missing.put(slug, undocumented);
            }
        });
        Map<String, Set<Integer>> neverEmitted = new TreeMap<>();
        documented.forEach((slug, statuses) -> {
            Set<Integer> unknown = new TreeSet<>(statuses);
            Set<Integer> actual = emitted.getOrDefault(slug, Set.of());
            if (!actual.contains(-1)) {
                unknown.removeAll(actual);
            } else {
                unknown.clear();
            }
            if (!emitted.containsKey(slug) || !unknown.isEmpty()) {
                neverEmitted.put(slug, unknown);
            }
        });

        assertThat(missing).as("problem types (and statuses) the code emits that docs/api-conventions.md's table "
                + "does not list").isEmpty();
        assertThat(neverEmitted).as("rows (and statuses) of docs/api-conventions.md's problem-type table that no "
                + "code emits").isEmpty();
    }

    @Test
    void everyProblemTypeHasOneStatus() {
        // A client switches on the type: one type answered with two statuses (a missing plugin 422 and an
        // unreachable provider 503 were both provider-unavailable) would be two meanings under one name.
        Map<String, Set<Integer>> ambiguous = new TreeMap<>();
        emittedByTheCode().forEach((slug, statuses) -> {
            Set<Integer> known = new TreeSet<>(statuses);
            known.remove(-1);
            if (known.size() > 1) {
                ambiguous.put(slug, known);
            }
        });
        assertThat(ambiguous).as("problem types emitted with more than one status").isEmpty();
    }

    @Test
    void theScannerFindsTheTypesOfEveryKindOfBuilder() {
        Map<String, Set<Integer>> emitted = emittedByTheCode();
        // One of each form, so a change of the code's shape cannot make the comparison above vacuous.
        assertThat(emitted).containsEntry("not-found", Set.of(404)) // DomainException factory and framework 404
                .containsKey("tenant-exists") // DomainException.conflict
                .containsKey("invoice-empty") // DomainException.unprocessable
                .containsKey("provider-busy") // constant in ProviderProblems
                .containsKey("egress-refused") // subclass constructor
                .containsKey("content-too-large") // security/limits/Problems
                .containsKey("locked-out") // request guard
                .containsKey("method-not-allowed"); // Jersey's own refusal
    }

    /**
     * The builders whose type argument is not a literal or constant pass on a parameter of their own ("relays"):
     * their callers are what the patterns above read. Known relays: the DomainException factories, the renderers, the
     * request guard's {@code refuse}, and the status-derived types of framework refusals.
     */
    private static final Set<String> RELAYS = Set.of("DomainException.java", "ProblemResponses.java", "Problems.java",
            "RequestGuardFilter.java");
    private static final Pattern ANY_TYPE_ARGUMENT = Pattern.compile(
            "(?:new\\s+" + KIND + "\\(|ProblemResponses\\.(?:of|problem)\\(\\s*[^,()]+,|Problems\\.body\\(\\s*[^,()]+,"
                    + "|DomainException\\.(?:conflict|unprocessable)\\(|Problem\\.type\\()\\s*([^,]+?)\\s*[,)]");

    @Test
    void everyProblemBuilderNamesItsTypeWhereTheComparisonCanReadIt() {
        List<String> unreadable = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String source = read(file);
                Matcher call = ANY_TYPE_ARGUMENT.matcher(source);
                while (call.find()) {
                    String argument = call.group(2);
                    boolean readable = argument.matches(SLUG)
                            || argument.startsWith("ProblemResponses.slugOf(")
                            || argument.equals("slug") && RELAYS.contains(file.getFileName().toString());
                    if (!readable) {
                        unreadable.add(file.getFileName() + ":" + lineOf(source, call.start()) + " " + argument);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(unreadable).as("problem types given as neither a string literal nor a constant of the same file "
                + "(use one, or teach ProblemTypeTableTest the new relay)").isEmpty();
    }

    private static int lineOf(String source, int index) {
        return (int) source.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Slug → statuses it is emitted with; -1 stands for a status decided at run time. */
    static Map<String, Set<Integer>> emittedByTheCode() {
        Map<String, Set<Integer>> emitted = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> scan(read(file), emitted));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int status : FRAMEWORK_STATUSES) {
            emitted.computeIfAbsent(ProblemResponses.slugOf(status), slug -> new TreeSet<>()).add(status);
        }
        return emitted;
    }

    private static void scan(String source, Map<String, Set<Integer>> emitted) {
        Map<String, String> constants = new HashMap<>();
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        Matcher kind = KIND_THEN_SLUG.matcher(source);
        while (kind.find()) {
            String slug = slug(kind.group(2), kind.group(3), constants);
            if (slug != null) {
                emitted.computeIfAbsent(slug, s -> new TreeSet<>()).add(KINDS.get(kind.group(1)));
            }
        }
        Matcher extended = EXTENDS_KIND.matcher(source);
        if (extended.find()) {
            Matcher constructor = SUPER_SLUG.matcher(source);
            while (constructor.find()) {
                String slug = slug(constructor.group(1), constructor.group(2), constants);
                if (slug != null) {
                    emitted.computeIfAbsent(slug, s -> new TreeSet<>()).add(KINDS.get(extended.group(1)));
                }
            }
        }
        for (Pattern pattern : STATUS_THEN_SLUG) {
            Matcher call = pattern.matcher(source);
            while (call.find()) {
                String slug = slug(call.group(2), call.group(3), constants);
                if (slug != null) {
                    int status = call.group(1).matches("\\d{3}") ? Integer.parseInt(call.group(1)) : -1;
                    emitted.computeIfAbsent(slug, s -> new TreeSet<>()).add(status);
                }
            }
        }
        FACTORY_THEN_SLUG.forEach((pattern, status) -> {
            Matcher call = pattern.matcher(source);
            while (call.find()) {
                String slug = slug(call.group(1), call.group(2), constants);
                if (slug != null) {
                    emitted.computeIfAbsent(slug, s -> new TreeSet<>()).add(status);
                }
            }
        });
    }

    private static String slug(String literal, String constantName, Map<String, String> constants) {
        return literal != null ? literal : constants.get(constantName);
    }

    /** Slug → statuses, from the rows of the table under "| type | status | meaning |". */
    static Map<String, Set<Integer>> documentedInTheTable() {
        List<String> lines = read(DOC).lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (TABLE_HEADER.matcher(lines.get(i)).matches()) {
                header = i;
            }
        }
        assertThat(header).as("docs/api-conventions.md has a '| type | status | meaning |' table").isNotNegative();
        Map<String, Set<Integer>> documented = new TreeMap<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            String type = cells[1].trim();
            assertThat(type).as("every row of the problem-type table names one type: " + lines.get(i))
                    .matches("`[a-z0-9]+(-[a-z0-9]+)*`");
            Set<Integer> statuses = new TreeSet<>();
            Matcher code = STATUS_CODE.matcher(cells[2]);
            while (code.find()) {
                statuses.add(Integer.parseInt(code.group()));
            }
            assertThat(statuses).as("the row of " + type + " has a status").isNotEmpty();
            assertThat(documented.put(type.substring(1, type.length() - 1), statuses))
                    .as("one row per type: " + type).isNull();
        }
        return documented;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
