package com.moviepeople.media;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Real picture files for tests, and hostile ones: made here byte by byte, no fixtures to trust. */
public final class TestPictures {

    private TestPictures() {
    }

    /** A picture whose left half is red and right half blue (so a turn shows). */
    public static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpeg(int width, int height) {
        return encode(halves(width, height), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(halves(width, height), "png");
    }

    /**
     * A JPEG with an EXIF block right after the start marker: the given orientation, a camera
     * serial number and a GPS position (52°31' N), as a phone would write them.
     */
    public static byte[] jpegWithExif(int width, int height, int orientation) {
        byte[] plain = jpeg(width, height);
        // TIFF, big-endian. IFD0 at 8: Orientation, BodySerialNumber-ish (0xA431 in EXIF; here as IFD0 ASCII), GPS pointer.
        ByteBuffer tiff = ByteBuffer.allocate(200);
        tiff.put(new byte[]{'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 3);                                            // 3 entries
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0xA431).putShort((short) 2).putInt(8).putInt(62); // "SN12345\0" at 62
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(70); // GPS IFD at 70
        tiff.putInt(0);                                                      // no next IFD (ends at 8+2+36+4 = 50)
        tiff.position(62);
        tiff.put("SN12345\0".getBytes(StandardCharsets.US_ASCII));
        tiff.position(70);                                                   // GPS IFD
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[]{'N', 0, 0, 0}); // GPSLatitudeRef "N"
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(100);    // GPSLatitude, 3 rationals at 100
        tiff.putInt(0);
        tiff.position(100);
        tiff.putInt(52).putInt(1).putInt(31).putInt(1).putInt(0).putInt(1);
        byte[] tiffBytes = Arrays.copyOf(tiff.array(), 124);
        byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int segmentLength = 2 + exifHeader.length + tiffBytes.length;
        ByteBuffer out = ByteBuffer.allocate(plain.length + 2 + segmentLength);
        out.put(plain, 0, 2);                                                // SOI
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) segmentLength).put(exifHeader).put(tiffBytes);
        out.put(plain, 2, plain.length - 2);
        return out.array();
    }

    /** A valid PNG header claiming {@code width} × {@code height} pixels, with almost no data: a decompression bomb's shape. */
    public static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1024]);
        deflater.finish();
        byte[] compressed = new byte[2048];
        int n = deflater.deflate(compressed);
        chunk(out, "IDAT", Arrays.copyOf(compressed, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    public static byte[] truncated(byte[] file) {
        return Arrays.copyOf(file, file.length * 2 / 3);
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] svg() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"100\" height=\"100\"/></svg>"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A real JPEG with a web page after its end: both a picture and a page. */
    public static byte[] polyglot() {
        byte[] jpeg = jpeg(64, 64);
        byte[] page = html();
        byte[] both = Arrays.copyOf(jpeg, jpeg.length + page.length);
        System.arraycopy(page, 0, both, jpeg.length, page.length);
        return both;
    }

    public static byte[] gif() {
        return encode(halves(64, 64), "gif");
    }
}
