package io.billingnow.platform.tenancy.settings;

import io.billingnow.platform.core.errors.FieldError;
import io.billingnow.platform.core.errors.PayloadTooLarge;
import io.billingnow.platform.core.errors.Unprocessable;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What a logo upload must be, and what is kept of it. Whatever the request declares, the bytes must start as a PNG or
 * a JPEG does (SVG and everything else is refused: an SVG is a document that can carry script); its size and its
 * dimensions are checked from the header before anything is decoded (no decompression bomb); then it is decoded and
 * written again by the platform, so what is stored and served is only pixels: no metadata, no trailing bytes, no HTML
 * a browser could be talked into sniffing (a polyglot keeps nothing of its second self).
 */
final class LogoImages {

    static final int MAX_BYTES = 512 * 1024;
    static final int MAX_SIDE = 2048;
    static final int MIN_SIDE = 16;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    /** An accepted image, re-encoded. */
    record Checked(String contentType, byte[] image, int width, int height) {
    }

    private LogoImages() {
    }

    static Checked check(byte[] upload) {
        if (upload.length > MAX_BYTES) {
            throw new PayloadTooLarge("logo-too-large", "Logo too large",
                    "A logo may be at most " + MAX_BYTES / 1024 + " KiB; this one has " + upload.length / 1024
                            + " KiB", List.of(new FieldError("/logo", "at most " + MAX_BYTES / 1024 + " KiB")));
        }
        String format = startsWith(upload, PNG) ? "png" : startsWith(upload, JPEG) ? "jpeg" : null;
        if (format == null) {
            throw refused("not a PNG or JPEG image (SVG and other formats are not accepted)");
        }
        BufferedImage pixels = decode(upload, format);
        BufferedImage opaqueOrNot = "jpeg".equals(format) ? withoutAlpha(pixels) : pixels;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(opaqueOrNot, format, out)) {
                throw refused("this image cannot be stored");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Checked("image/" + format, out.toByteArray(), pixels.getWidth(), pixels.getHeight());
    }

    private static BufferedImage decode(byte[] upload, String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw refused("not a PNG or JPEG image");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < MIN_SIDE || height < MIN_SIDE || width > MAX_SIDE || height > MAX_SIDE) {
                throw refused("between " + MIN_SIDE + " and " + MAX_SIDE + " pixels wide and high; this one is "
                        + width + " x " + height);
            }
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw refused("not a readable image");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unprocessable refusal) {
                throw refusal;
            }
            throw refused("not a readable " + format.toUpperCase(java.util.Locale.ROOT) + " image");
        } finally {
            reader.dispose();
        }
    }

    private static BufferedImage withoutAlpha(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR || image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static Unprocessable refused(String reason) {
        return new Unprocessable("invalid-logo", "Invalid logo", "The logo must be a PNG or JPEG image: " + reason,
                List.of(new FieldError("/logo", reason)));
    }
}
