package com.moviepeople.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks and the re-encoding, on real files made byte by byte (TestPictures). */
class PictureProcessorTests {

    private final PictureProcessor processor = new PictureProcessor();

    @TempDir
    Path dir;

    private PictureProcessor.Processed process(byte[] bytes, PictureKind kind) throws Exception {
        Path file = Files.write(dir.resolve("upload-" + System.nanoTime()), bytes);
        return processor.process(file, kind);
    }

    private static List<String> directories(byte[] jpeg) throws Exception {
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
        List<String> names = new ArrayList<>();
        for (Directory d : metadata.getDirectories()) {
            names.add(d.getName());
        }
        return names;
    }

    @Test
    void gpsAndSerialNumbersAreGoneAndThePictureIsTurnedUpright() throws Exception {
        byte[] phone = TestPictures.jpegWithExif(400, 200, 6); // 6: "turn 90° clockwise to view"
        assertThat(directories(phone)).as("the upload has them").contains("GPS", "Exif IFD0");

        PictureProcessor.Processed still = process(phone, PictureKind.STILL);
        for (byte[] file : still.files().values()) {
            assertThat(directories(file)).as("what is stored").doesNotContain("GPS", "Exif IFD0", "Exif SubIFD", "XMP", "ICC Profile");
            assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain("SN12345");
        }
        // 400 × 200, turned: 200 wide and 400 high, its red half now on top.
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(still.files().get("1600")));
        assertThat(upright.getWidth()).isEqualTo(200);
        assertThat(upright.getHeight()).isEqualTo(400);
        assertThat(new Color(upright.getRGB(100, 50)).getRed()).isGreaterThan(200);
        assertThat(new Color(upright.getRGB(100, 350)).getBlue()).isGreaterThan(200);
        // Never made larger; the small size is 320 px wide at most.
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(still.files().get("320")));
        assertThat(small.getWidth()).isEqualTo(200);
    }

    @Test
    void photosAreCentredSquaresAndLargeStillsAreScaledDown() throws Exception {
        PictureProcessor.Processed photo = process(TestPictures.png(1200, 800), PictureKind.PHOTO);
        BufferedImage avatar = ImageIO.read(new ByteArrayInputStream(photo.files().get("96")));
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(photo.files().get("400")));
        assertThat(avatar.getWidth()).isEqualTo(96).isEqualTo(avatar.getHeight());
        assertThat(large.getWidth()).isEqualTo(400).isEqualTo(large.getHeight());

        PictureProcessor.Processed still = process(TestPictures.jpeg(3000, 2000), PictureKind.STILL);
        BufferedImage big = ImageIO.read(new ByteArrayInputStream(still.files().get("1600")));
        assertThat(big.getWidth()).isEqualTo(1600);
        assertThat(big.getHeight()).isBetween(1066, 1067);
        assertThat(still.width()).isEqualTo(1600);
        // A WebP goes in too (TwelveMonkeys decodes it), and comes out as JPEG like everything else.
        byte[] webp = Files.readAllBytes(Path.of(getClass().getResource("/pictures/sample.webp").toURI()));
        PictureProcessor.Processed fromWebp = process(webp, PictureKind.STILL);
        assertThat(ImageIO.read(new ByteArrayInputStream(fromWebp.files().get("320")))).isNotNull();
    }

    @Test
    void hostileAndBrokenFilesAreRefusedWithAReason() {
        assertRefused(TestPictures.html(), "web page or script");
        assertRefused(TestPictures.svg(), "web page or script");
        assertRefused("%PDF-1.7 not a picture at all".getBytes(StandardCharsets.US_ASCII), "not a JPEG, PNG or WebP");
        assertRefused(TestPictures.polyglot(), "web page or script");
        assertRefused(TestPictures.gif(), "Only JPEG, PNG and WebP");
        assertRefused(TestPictures.truncated(TestPictures.jpeg(800, 600)), "damaged or incomplete");
        assertRefused(TestPictures.truncated(TestPictures.png(800, 600)), "damaged or incomplete");
        assertRefused(TestPictures.pngClaiming(20_000, 20_000), "too large");
        assertRefused(TestPictures.pngClaiming(60_000, 10), "too large");
        assertRefused(TestPictures.png(8, 8), "too small");
        assertRefused(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "");
    }

    private void assertRefused(byte[] bytes, String reason) {
        assertThatThrownBy(() -> process(bytes, PictureKind.PHOTO)).isInstanceOf(InvalidPictureException.class)
                .hasMessageContaining(reason);
    }
}
