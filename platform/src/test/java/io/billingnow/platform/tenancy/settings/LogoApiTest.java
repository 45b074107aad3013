package io.billingnow.platform.tenancy.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /v1/settings/logo}: only a real PNG or JPEG within the limits is kept, and only its pixels. */
@ExtendWith(DropwizardExtensionsSupport.class)
class LogoApiTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, new Color(x * 255 / width, y * 255 / height, 120).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static Response put(String key, byte[] body, String type) {
        return TestPlatform.buffered(platform.request("/v1/settings/logo", key).put(Entity.entity(body, type)));
    }

    private static String owner(String slug) {
        return platform.apiKey(platform.createTenant(slug, "EUR"), Role.OWNER);
    }

    @Test
    void aPngIsKeptAndServedAsAPngThatNoBrowserSniffs() throws IOException {
        String key = owner("logo-png");

        JsonNode info = TestPlatform.expect(put(key, image("png", 120, 40), "image/png"), 200);

        assertThat(info.get("contentType").asText()).isEqualTo("image/png");
        assertThat(info.get("width").asInt()).isEqualTo(120);
        assertThat(info.get("height").asInt()).isEqualTo(40);
        Response served = platform.request("/v1/settings/logo", key).accept("image/*").get();
        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(served.getHeaderString("Content-Type")).isEqualTo("image/png");
        assertThat(served.getHeaderString("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.getHeaderString("Content-Security-Policy")).contains("default-src 'none'");
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(served.readEntity(byte[].class)));
        assertThat(read.getWidth()).isEqualTo(120);
        assertThat(platform.getJson("/v1/settings", key, 200).get("logo").get("width").asInt()).isEqualTo(120);
        assertThat(platform.getJson("/v1/audit-events", key, 200).get("data")
                .findValuesAsText("action")).contains("tenant.logo_updated");
    }

    @Test
    void aJpegDeclaredAsSomethingElseIsRecognisedByItsBytes() {
        String key = owner("logo-jpeg");

        JsonNode info = TestPlatform.expect(put(key, image("jpeg", 64, 64), "application/octet-stream"), 200);

        assertThat(info.get("contentType").asText()).isEqualTo("image/jpeg");
    }

    @Test
    void aLogoOverTheSizeLimitIsRefusedWith413() {
        String key = owner("logo-large");
        byte[] large = Arrays.copyOf(image("png", 32, 32), 600 * 1024);
        new Random(1).nextBytes(large);
        System.arraycopy(image("png", 32, 32), 0, large, 0, 8);

        JsonNode refused = TestPlatform.expect(put(key, large, "image/png"), 413);

        assertThat(refused.get("type").asText()).endsWith("logo-too-large");
        assertThat(platform.get("/v1/settings/logo", key).getStatus()).isEqualTo(404);
    }

    @Test
    void textHtmlAndSvgDeclaredAsImagesAreRefused() {
        String key = owner("logo-fake");
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        for (byte[] fake : new byte[][] {"just some text".getBytes(StandardCharsets.UTF_8),
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                svg.getBytes(StandardCharsets.UTF_8)}) {
            JsonNode refused = TestPlatform.expect(put(key, fake, "image/png"), 422);
            assertThat(refused.get("type").asText()).endsWith("invalid-logo");
            assertThat(refused.get("errors").get(0).get("pointer").asText()).isEqualTo("/logo");
        }
        assertThat(TestPlatform.expect(put(key, svg.getBytes(StandardCharsets.UTF_8), "image/svg+xml"), 422)
                .get("type").asText()).endsWith("invalid-logo");
        byte[] truncated = Arrays.copyOf(image("png", 64, 64), 40);
        assertThat(put(key, truncated, "image/png").getStatus()).isEqualTo(422);
        assertThat(platform.get("/v1/settings/logo", key).getStatus()).isEqualTo(404);
    }

    @Test
    void aPolyglotKeepsOnlyItsPixelsNothingOfTheHtmlItCarried() {
        String key = owner("logo-polyglot");
        byte[] png = image("png", 48, 48);
        byte[] html = "<html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] polyglot = Arrays.copyOf(png, png.length + html.length);
        System.arraycopy(html, 0, polyglot, png.length, html.length);

        TestPlatform.expect(put(key, polyglot, "image/png"), 200);

        byte[] served = platform.request("/v1/settings/logo", key).get().readEntity(byte[].class);
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("<script").doesNotContain("html");
    }

    @Test
    void tooSmallOrTooLargeDimensionsAreRefused() {
        String key = owner("logo-dimensions");
        assertThat(put(key, image("png", 8, 8), "image/png").getStatus()).isEqualTo(422);
        assertThat(put(key, image("png", 3000, 20), "image/png").getStatus()).isEqualTo(422);
    }

    @Test
    void onlyOwnersSetTheLogoAndABusinessNeverSeesAnothersLogo() {
        Tenant a = platform.createTenant("logo-iso-a", "EUR");
        String ownerOfA = platform.apiKey(a, Role.OWNER);
        String ownerOfB = owner("logo-iso-b");
        TestPlatform.expect(put(ownerOfA, image("png", 32, 32), "image/png"), 200);

        assertThat(put(platform.apiKey(a, Role.ADMIN), image("png", 32, 32), "image/png").getStatus())
                .isEqualTo(403);
        assertThat(platform.get("/v1/settings/logo", ownerOfB).getStatus()).isEqualTo(404);
        assertThat(TestPlatform.buffered(platform.request("/v1/settings/logo", ownerOfB)
                .header("BillingNow-Tenant", a.id().toString()).get()).getStatus()).as("B's key stays B's")
                .isEqualTo(404);
        assertThat(TestPlatform.buffered(platform.request("/v1/settings/logo", ownerOfB).delete()).getStatus())
                .isEqualTo(404);
        assertThat(platform.get("/v1/settings/logo", ownerOfA).getStatus()).isEqualTo(200);
    }
}
