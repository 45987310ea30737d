package nl.mensenmakennederland.prizes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import nl.mensenmakennederland.testing.TestVideos;
import nl.mensenmakennederland.testing.TestVideos.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The check's decision on real files made by ffmpeg, and on what people upload by mistake; and what it reads. */
class VideoSnifferTest {

    static final long MAX_BYTES = Uploads.DEFAULT_MAX_BYTES;
    private final VideoSniffer sniffer = new VideoSniffer(MAX_BYTES, 600_000);

    private VideoSniffer.Verdict check(byte[] file) {
        return sniffer.check(InMemoryObject.of(file));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MP4_INDEX_AT_END", "MP4_INDEX_FIRST", "MOV", "THREE_GP", "WEBM", "MATROSKA"})
    void aRealVideoIsTakenWithItsLengthAndPictureSize(Kind kind) {
        byte[] file = TestVideos.make(kind, 3);

        VideoSniffer.Verdict verdict = check(file);

        assertThat(verdict).as(kind.name()).isInstanceOf(VideoSniffer.Video.class);
        VideoFacts facts = ((VideoSniffer.Video) verdict).facts();
        assertThat(facts.durationMillis()).as("%s duration", kind).isBetween(2_900L, 3_200L);
        assertThat(facts.width()).isEqualTo(kind.width());
        assertThat(facts.height()).isEqualTo(kind.height());
        assertThat(facts.bytes()).isEqualTo(file.length);
        assertThat(facts.container()).isEqualTo(kind == Kind.WEBM ? "webm" : kind == Kind.MATROSKA ? "matroska" : "mp4");
    }

    @Test
    void aRenamedTextFileIsNotAVideo() {
        byte[] text = "Beste jury,\nHierbij onze inzending. Groet, het taalcafé\n".repeat(50).getBytes(StandardCharsets.UTF_8);

        assertThat(check(text)).isEqualTo(new VideoSniffer.NotTaken(Rejection.NOT_A_VIDEO));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"PNG", "JPEG"})
    void aPictureIsRecognisedAsOne(Kind kind) {
        assertThat(check(TestVideos.make(kind, 1))).isEqualTo(new VideoSniffer.NotTaken(Rejection.IMAGE));
    }

    @Test
    void soundWithoutPicturesIsNotAVideo() {
        assertThat(check(TestVideos.make(Kind.AUDIO_M4A, 2))).isEqualTo(new VideoSniffer.NotTaken(Rejection.NOT_A_VIDEO));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MP4_INDEX_AT_END", "MP4_INDEX_FIRST", "WEBM", "MOV"})
    void aFileThatBrokeOffHalfwayIsTruncated(Kind kind) {
        byte[] file = TestVideos.make(kind, 3);

        assertThat(check(Arrays.copyOf(file, file.length / 2))).as(kind.name())
                .isEqualTo(new VideoSniffer.NotTaken(Rejection.TRUNCATED));
    }

    @Test
    void anEmptyFileAndOneOverTheMaximumAreRefusedBeforeReadingThem() {
        assertThat(check(new byte[0])).isEqualTo(new VideoSniffer.NotTaken(Rejection.EMPTY));
        InMemoryObject huge = InMemoryObject.padded(TestVideos.make(Kind.MP4_INDEX_AT_END, 3), MAX_BYTES);
        assertThat(sniffer.check(huge)).isEqualTo(new VideoSniffer.NotTaken(Rejection.TOO_LARGE));
    }

    @Test
    void aVideoLongerThanAllowedIsRefused() {
        VideoSniffer shortOnly = new VideoSniffer(MAX_BYTES, 2_000);

        assertThat(shortOnly.check(InMemoryObject.of(TestVideos.make(Kind.MP4_INDEX_AT_END, 3))))
                .isEqualTo(new VideoSniffer.NotTaken(Rejection.TOO_LONG));
    }

    /**
     * The reads stay the same however large the file: the head, then (index at the end) one read
     * at the tail. The same 3-second MP4 grown to about 1 MB, 100 MB and 1 GB of media data.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1_000_000L, 100_000_000L, 1_000_000_000L})
    void whatTheCheckReadsDoesNotGrowWithTheFile(long extraBytes) {
        InMemoryObject file = InMemoryObject.padded(TestVideos.make(Kind.MP4_INDEX_AT_END, 3), extraBytes);

        VideoSniffer.Verdict verdict = sniffer.check(file);

        assertThat(verdict).isInstanceOf(VideoSniffer.Video.class);
        assertThat(((VideoSniffer.Video) verdict).facts().durationMillis()).isBetween(2_900L, 3_200L);
        assertThat(file.reads()).as("ranged reads").isEqualTo(2);
        assertThat(file.bytesRead()).as("bytes read of %d", file.length()).isLessThanOrEqualTo(2L * RangedObject.FETCH);
        System.out.printf("video check | MP4, index at the end | %,d bytes | %d reads | %,d bytes read%n",
                file.length(), file.reads(), file.bytesRead());
    }

    @Test
    void theIndexFirstIsReadInTheFirstRange() {
        InMemoryObject file = InMemoryObject.of(TestVideos.make(Kind.MP4_INDEX_FIRST, 3));

        assertThat(sniffer.check(file)).isInstanceOf(VideoSniffer.Video.class);
        assertThat(file.reads()).isEqualTo(1);
    }
}
