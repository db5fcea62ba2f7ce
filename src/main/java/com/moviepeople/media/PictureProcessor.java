package com.moviepeople.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.springframework.stereotype.Component;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Turns an uploaded file into the sizes of a {@link PictureKind}, or refuses it. The content
 * decides, never the name or the declared type: it must decode as JPEG, PNG or WebP; its header's
 * size is checked before any pixel is decoded (decompression bombs); a decoder warning (a
 * truncated or damaged file) refuses it. The picture is turned upright by its EXIF orientation and
 * every size is encoded afresh as a JPEG without any metadata (GPS, camera serials, comments).
 */
@Component
class PictureProcessor {

    static final long MAX_PIXELS = 50_000_000L;
    static final int MAX_SIDE = 20_000;
    static final int MIN_SIDE = 16;
    private static final Set<String> FORMATS = Set.of("jpeg", "png", "webp");
    private static final float QUALITY = 0.85f;

    /** A 50-megapixel picture takes 200 MB while decoded: two at a time per instance. */
    private final Semaphore decoding = new Semaphore(2);

    /** The encoded sizes, by size name, and the largest one's shape. */
    record Processed(Map<String, byte[]> files, Map<String, int[]> shapes, int width, int height) {
    }

    Processed process(Path file, PictureKind kind) {
        refuseMarkup(file);
        try {
            if (!decoding.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new InvalidPictureException("Many pictures are being uploaded right now. Please try again in a minute.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidPictureException("The upload was interrupted. Please try again.");
        }
        try {
            BufferedImage image = upright(decode(file), orientation(file));
            BufferedImage rgb = flattened(image);
            Map<String, byte[]> files = new LinkedHashMap<>();
            Map<String, int[]> shapes = new LinkedHashMap<>();
            int width = 0;
            int height = 0;
            for (PictureKind.Size size : kind.sizes()) {
                BufferedImage scaled = scaled(rgb, size);
                files.put(size.name(), jpeg(scaled));
                shapes.put(size.name(), new int[]{scaled.getWidth(), scaled.getHeight()});
                if (scaled.getWidth() >= width) {
                    width = scaled.getWidth();
                    height = scaled.getHeight();
                }
            }
            return new Processed(files, shapes, width, height);
        } catch (IOException e) {
            throw new InvalidPictureException("This picture could not be processed. Please try another file.");
        } finally {
            decoding.release();
        }
    }

    /**
     * Polyglots: a picture that is also a web page or script (markup appended after the image data,
     * or hidden in a comment) is refused, even though its pixels would decode. (What is served is
     * re-encoded anyway; this keeps such files out altogether.)
     */
    private static void refuseMarkup(Path file) {
        byte[][] needles = java.util.stream.Stream.of("<script", "<html", "<svg", "<!doctype", "<?php", "<iframe", "javascript:", "<body")
                .map(n -> n.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toArray(byte[][]::new);
        try (var in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            int[] matched = new int[needles.length];
            int b;
            while ((b = in.read()) != -1) {
                int lower = b >= 'A' && b <= 'Z' ? b + 32 : b;
                for (int i = 0; i < needles.length; i++) {
                    byte[] needle = needles[i];
                    if (lower == needle[matched[i]]) {
                        if (++matched[i] == needle.length) {
                            throw new InvalidPictureException("This file contains web page or script code, not only a picture.");
                        }
                    } else {
                        matched[i] = lower == needle[0] ? 1 : 0;
                    }
                }
            }
        } catch (IOException e) {
            throw new InvalidPictureException("This picture could not be read. Please try again.");
        }
    }

    private static BufferedImage decode(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new InvalidPictureException("This file is not a JPEG, PNG or WebP picture.");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw new InvalidPictureException("Only JPEG, PNG and WebP pictures are taken (this one is "
                            + format.toUpperCase(Locale.ROOT) + ").");
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                    throw new InvalidPictureException("This picture is too large: at most 50 megapixels (e.g. 8,000 × 6,000 pixels).");
                }
                if (width < MIN_SIDE || height < MIN_SIDE) {
                    throw new InvalidPictureException("This picture is too small: at least 16 pixels on each side.");
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty() || image == null) {
                    throw new InvalidPictureException("This picture is damaged or incomplete. Please upload the whole file again.");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (InvalidPictureException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Truncated data, broken markers, a decoder bug on hostile input: all the same to the member.
            throw new InvalidPictureException("This picture is damaged or incomplete, or not a JPEG, PNG or WebP picture.");
        }
    }

    /** The EXIF orientation (1 = upright) if the file has one; anything unreadable counts as upright. */
    private static int orientation(Path file) {
        try (var in = Files.newInputStream(file)) {
            Metadata metadata = ImageMetadataReader.readMetadata(in);
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
        } catch (Exception e) {
            // No or broken metadata: the pixels are what they are.
        }
        return 1;
    }

    private static BufferedImage upright(BufferedImage image, int orientation) {
        Orientation o = Orientation.typeOf(orientation);
        if (o == null || o == Orientation.TOP_LEFT) {
            return image;
        }
        return ExifFilterUtils.getFilterForOrientation(o).apply(image);
    }

    /** JPEG has no transparency: transparent parts become white, and every colour model becomes plain RGB. */
    private static BufferedImage flattened(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static BufferedImage scaled(BufferedImage image, PictureKind.Size size) throws IOException {
        if (size.square()) {
            int side = Math.min(size.pixels(), Math.min(image.getWidth(), image.getHeight()));
            return Thumbnails.of(image).crop(Positions.CENTER).size(side, side).asBufferedImage();
        }
        if (image.getWidth() <= size.pixels()) {
            return image; // never made larger
        }
        return Thumbnails.of(image).width(size.pixels()).asBufferedImage();
    }

    /** A fresh baseline JPEG: only the pixels, no EXIF, XMP, ICC profile or comment. */
    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
