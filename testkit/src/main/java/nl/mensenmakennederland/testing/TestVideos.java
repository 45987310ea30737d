package nl.mensenmakennederland.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.TestAbortedException;

/**
 * Real small files made by ffmpeg (Debian's {@code ffmpeg}), as a phone or an editor would write
 * them: a test pattern with a tone, in the container and layout asked for. Made once per run
 * and kept under {@code target/test-videos}; a test is skipped with the reason when ffmpeg is missing.
 */
public final class TestVideos {

    /** What to make: the file name (its extension picks the container) and ffmpeg's output options. */
    public enum Kind {
        /** MP4 as phones write it: the index ({@code moov}) after the media data. */
        MP4_INDEX_AT_END("end.mp4", 320, 240, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"),
        /** MP4 prepared for streaming: the index first. */
        MP4_INDEX_FIRST("first.mp4", 320, 240, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart"),
        MOV("clip.mov", 640, 360, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"),
        THREE_GP("clip.3gp", 176, 144, "-c:v", "h263", "-an"),
        WEBM("clip.webm", 320, 180, "-c:v", "libvpx", "-b:v", "300k", "-c:a", "libopus"),
        MATROSKA("clip.mkv", 320, 240, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"),
        /** Sound only, in the MP4 box format. */
        AUDIO_M4A("sound.m4a", 0, 0, "-vn", "-c:a", "aac"),
        PNG("picture.png", 64, 64, "-frames:v", "1"),
        JPEG("picture.jpg", 64, 64, "-frames:v", "1");

        private final String file;
        private final int width;
        private final int height;
        private final List<String> options;

        Kind(String file, int width, int height, String... options) {
            this.file = file;
            this.width = width;
            this.height = height;
            this.options = List.of(options);
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }
    }

    private static final Path FOLDER = Path.of("target", "test-videos");

    private TestVideos() {}

    /** {@code kind}, {@code seconds} long (pictures: one frame). */
    public static synchronized byte[] make(Kind kind, int seconds) {
        Path out = FOLDER.resolve(seconds + "s-" + kind.file);
        try {
            if (!Files.exists(out)) {
                Files.createDirectories(FOLDER);
                List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
                if (kind.width > 0) {
                    command.addAll(List.of("-f", "lavfi", "-i", "testsrc=size=" + kind.width + "x" + kind.height + ":rate=25"));
                }
                if (kind != Kind.PNG && kind != Kind.JPEG && kind != Kind.THREE_GP) {
                    command.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"));
                }
                if (kind != Kind.PNG && kind != Kind.JPEG) {
                    command.addAll(List.of("-t", Integer.toString(seconds)));
                }
                command.addAll(kind.options);
                command.add(out.toString());
                Process ffmpeg;
                try {
                    ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).start();
                } catch (IOException missing) {
                    throw new TestAbortedException("ffmpeg is not installed (Debian: apt-get install ffmpeg)");
                }
                String log = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (ffmpeg.waitFor() != 0) {
                    throw new IllegalStateException("ffmpeg failed for " + kind + ": " + log);
                }
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
