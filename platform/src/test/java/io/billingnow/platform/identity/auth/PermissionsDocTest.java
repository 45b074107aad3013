package io.billingnow.platform.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** docs/permissions.md shows the matrix that {@link Role} enforces; this test fails when the two drift apart. */
class PermissionsDocTest {

    static String matrix() {
        StringBuilder sb = new StringBuilder("| Permission |");
        for (Role role : Role.values()) {
            sb.append(' ').append(role.wireName()).append(" |");
        }
        sb.append("\n|---|");
        sb.append("---|".repeat(Role.values().length));
        for (Permission permission : Permission.values()) {
            sb.append("\n| `").append(permission.name().toLowerCase(Locale.ROOT)).append("` |");
            for (Role role : Role.values()) {
                sb.append(role.allows(permission) ? " yes |" : " – |");
            }
        }
        return sb.append('\n').toString();
    }

    @Test
    void theDocumentedMatrixIsTheEnforcedOne() throws IOException {
        Path doc = Path.of("..", "docs", "permissions.md");
        assertThat(Files.readString(doc))
                .as("regenerate the table in docs/permissions.md from PermissionsDocTest.matrix()")
                .contains(matrix());
    }
}
