package nl.mensenmakennederland.prizes;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Decides from an object's own bytes, read in a few ranges ({@link RangedObject}), whether it is
 * a video we take: an ISO base media file (MP4, MOV, 3GP: an {@code ftyp} box with a video brand,
 * then its boxes up to the end of the file, the index {@code moov} among them, wherever it is) or
 * a Matroska/WebM file (EBML header, then its Segment's Info and Tracks). It reads box and
 * element headers only, skipping the media data, so what it reads does not grow with the file.
 */
public final class VideoSniffer {

    /** What the check found. */
    public sealed interface Verdict {}

    public record Video(VideoFacts facts) implements Verdict {}

    public record NotTaken(Rejection why) implements Verdict {}

    /** Brands of MP4, QuickTime and 3GPP files a camera or editor writes (ISO/IEC 14496-12, the 3GPP and Apple specs). */
    private static final Set<String> VIDEO_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "hvc1", "M4V ", "M4VH", "M4VP", "qt  ", "3gp4", "3gp5", "3gp6", "3gp7", "3gs7", "3ge6", "3ge7", "3gg6",
            "3g2a", "3g2b", "3g2c", "MSNV", "dash", "mmp4", "XAVC", "f4v ");
    /** Brands of HEIF/AVIF pictures, which share the box format. */
    private static final Set<String> IMAGE_BRANDS = Set.of("heic", "heix", "heim", "heis", "mif1", "msf1", "avif", "avis");
    /** More top-level boxes than any real file has: a file that has them is not one. */
    private static final int MAX_BOXES = 4096;

    private final long maxBytes;
    private final long maxDurationMillis;

    public VideoSniffer(long maxBytes, long maxDurationMillis) {
        this.maxBytes = maxBytes;
        this.maxDurationMillis = maxDurationMillis;
    }

    public Verdict check(RangedObject object) {
        try {
            long size = object.size();
            if (size == 0) {
                return new NotTaken(Rejection.EMPTY);
            }
            if (size > maxBytes) {
                return new NotTaken(Rejection.TOO_LARGE);
            }
            byte[] head = object.bytes(0, 16);
            Verdict verdict;
            if (head.length >= 8 && "ftyp".equals(new String(head, 4, 4, StandardCharsets.ISO_8859_1))) {
                verdict = isoMedia(object);
            } else if (head.length >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF
                    && (head[3] & 0xFF) == 0xA3) {
                verdict = matroska(object);
            } else {
                verdict = new NotTaken(isImage(head) ? Rejection.IMAGE : Rejection.NOT_A_VIDEO);
            }
            if (verdict instanceof Video video && video.facts().durationMillis() > maxDurationMillis) {
                return new NotTaken(Rejection.TOO_LONG);
            }
            return verdict;
        } catch (RangedObject.Truncated truncated) {
            return new NotTaken(Rejection.TRUNCATED);
        } catch (RangedObject.BudgetSpent | Malformed unreadable) {
            return new NotTaken(Rejection.NOT_A_VIDEO);
        }
    }

    // ------------------------------------------------------------------ MP4, MOV, 3GP

    private Verdict isoMedia(RangedObject object) {
        long ftypSize = object.u32(0);
        if (ftypSize < 16 || ftypSize > 4096) {
            return new NotTaken(Rejection.NOT_A_VIDEO);
        }
        byte[] brands = object.exactly(8, (int) ftypSize - 8); // major brand, minor version, compatible brands
        boolean video = false;
        boolean image = false;
        for (int at = 0; at + 4 <= brands.length; at += at == 0 ? 8 : 4) {
            String brand = new String(brands, at, 4, StandardCharsets.ISO_8859_1);
            video |= VIDEO_BRANDS.contains(brand);
            image |= IMAGE_BRANDS.contains(brand);
        }
        if (!video) {
            return new NotTaken(image ? Rejection.IMAGE : Rejection.NOT_A_VIDEO);
        }
        long size = object.size();
        long moov = -1;
        long moovSize = 0;
        long at = 0;
        for (int boxes = 0; at < size; boxes++) {
            if (boxes == MAX_BOXES) {
                return new NotTaken(Rejection.NOT_A_VIDEO);
            }
            long boxSize = object.u32(at);
            String type = object.fourCc(at + 4);
            int header = 8;
            if (boxSize == 1) {
                boxSize = object.u64(at + 8);
                header = 16;
            } else if (boxSize == 0) {
                boxSize = size - at; // the last box, to the end of the file
            }
            if (boxSize < header) {
                return new NotTaken(Rejection.NOT_A_VIDEO);
            }
            if (at + boxSize > size) {
                return new NotTaken(Rejection.TRUNCATED);
            }
            if (type.equals("moov")) {
                moov = at + header;
                moovSize = boxSize - header;
            }
            if (type.equals("mdat") && moov < 0 && at + boxSize < size) {
                object.readTail(); // the index after the media data, as phones write it: one read at the end
            }
            at += boxSize;
        }
        if (moov < 0) {
            return new NotTaken(Rejection.TRUNCATED); // no index: the recording or the upload broke off
        }
        return movie(object, moov, moovSize);
    }

    /** Duration from {@code mvhd}, picture size from the largest {@code tkhd} (audio tracks have none). */
    private Verdict movie(RangedObject object, long from, long length) {
        long durationMillis = -1;
        int width = 0;
        int height = 0;
        long end = from + length;
        for (long at = from; at + 8 <= end; ) {
            long boxSize = object.u32(at);
            String type = object.fourCc(at + 4);
            if (boxSize < 8 || at + boxSize > end) {
                return new NotTaken(Rejection.NOT_A_VIDEO);
            }
            if (type.equals("mvhd")) {
                int version = object.exactly(at + 8, 1)[0];
                long timescale = object.u32(at + (version == 1 ? 28 : 20));
                long duration = version == 1 ? object.u64(at + 32) : object.u32(at + 24);
                boolean unknown = version == 1 ? duration == -1L : duration == 0xFFFFFFFFL;
                if (timescale > 0 && duration > 0 && !unknown) {
                    durationMillis = duration * 1000 / timescale;
                }
            } else if (type.equals("trak")) {
                long tkhd = at + 8;
                if (object.fourCc(tkhd + 4).equals("tkhd")) {
                    int version = object.exactly(tkhd + 8, 1)[0];
                    long sizeAt = tkhd + (version == 1 ? 96 : 84);
                    int w = (int) (object.u32(sizeAt) >>> 16);
                    int h = (int) (object.u32(sizeAt + 4) >>> 16);
                    if ((long) w * h > (long) width * height) {
                        width = w;
                        height = h;
                    }
                }
            }
            at += boxSize;
        }
        if (width == 0 || height == 0) {
            return new NotTaken(Rejection.NOT_A_VIDEO); // sound only
        }
        if (durationMillis <= 0) {
            return new NotTaken(Rejection.NO_DURATION);
        }
        return new Video(new VideoFacts("mp4", durationMillis, width, height, object.size()));
    }

    // ------------------------------------------------------------------ Matroska, WebM

    private static final long EBML_DOC_TYPE = 0x4282;
    private static final long SEGMENT = 0x18538067;
    private static final long INFO = 0x1549A966;
    private static final long TIMESTAMP_SCALE = 0x2AD7B1;
    private static final long DURATION = 0x4489;
    private static final long TRACKS = 0x1654AE6B;
    private static final long TRACK_ENTRY = 0xAE;
    private static final long TRACK_TYPE = 0x83;
    private static final long VIDEO = 0xE0;
    private static final long PIXEL_WIDTH = 0xB0;
    private static final long PIXEL_HEIGHT = 0xBA;
    private static final long CLUSTER = 0x1F43B675;

    /** An EBML element's id, where its data starts, and its size (-1: unknown, to the end of its parent). */
    private record Element(long id, long dataAt, long size) {}

    private Verdict matroska(RangedObject object) {
        long size = object.size();
        Element header = sized(object, 0);
        String docType = null;
        for (long at = header.dataAt(); at < header.dataAt() + header.size(); ) {
            Element child = sized(object, at);
            if (child.id() == EBML_DOC_TYPE && child.size() >= 0 && child.size() <= 16) {
                docType = new String(object.exactly(child.dataAt(), (int) child.size()), StandardCharsets.US_ASCII).trim();
            }
            at = child.dataAt() + child.size();
        }
        if (!"webm".equals(docType) && !"matroska".equals(docType)) {
            return new NotTaken(Rejection.NOT_A_VIDEO);
        }
        Element segment = element(object, header.dataAt() + header.size());
        if (segment.id() != SEGMENT) {
            return new NotTaken(Rejection.NOT_A_VIDEO);
        }
        long segmentEnd = segment.size() < 0 ? size : segment.dataAt() + segment.size();
        if (segmentEnd > size) {
            return new NotTaken(Rejection.TRUNCATED);
        }
        double duration = -1;
        long scale = 1_000_000; // nanoseconds per timestamp unit, Matroska's default
        int width = 0;
        int height = 0;
        boolean tracksSeen = false;
        for (long at = segment.dataAt(); at < segmentEnd; ) {
            Element child = element(object, at);
            if (child.id() == CLUSTER || child.size() < 0) {
                break; // the media data: Info and Tracks come before it
            }
            if (child.dataAt() + child.size() > segmentEnd) {
                return new NotTaken(Rejection.TRUNCATED);
            }
            if (child.id() == INFO) {
                for (long in = child.dataAt(); in < child.dataAt() + child.size(); ) {
                    Element info = sized(object, in);
                    if (info.id() == TIMESTAMP_SCALE) {
                        scale = unsigned(object, info);
                    } else if (info.id() == DURATION && (info.size() == 4 || info.size() == 8)) {
                        byte[] value = object.exactly(info.dataAt(), (int) info.size());
                        duration = value.length == 4 ? Float.intBitsToFloat((int) unsigned(value))
                                : Double.longBitsToDouble(unsigned(value));
                    }
                    in = info.dataAt() + info.size();
                }
            } else if (child.id() == TRACKS) {
                tracksSeen = true;
                for (long in = child.dataAt(); in < child.dataAt() + child.size(); ) {
                    Element track = sized(object, in);
                    if (track.id() == TRACK_ENTRY) {
                        int[] picture = picture(object, track);
                        if ((long) picture[0] * picture[1] > (long) width * height) {
                            width = picture[0];
                            height = picture[1];
                        }
                    }
                    in = track.dataAt() + track.size();
                }
            }
            if (tracksSeen && duration >= 0) {
                break;
            }
            at = child.dataAt() + child.size();
        }
        if (width == 0 || height == 0) {
            return new NotTaken(Rejection.NOT_A_VIDEO);
        }
        if (duration <= 0) {
            return new NotTaken(Rejection.NO_DURATION);
        }
        return new Video(new VideoFacts(docType, (long) (duration * scale / 1_000_000), width, height, size));
    }

    /** PixelWidth and PixelHeight of a video TrackEntry; zeros for any other track. */
    private static int[] picture(RangedObject object, Element track) {
        int[] picture = {0, 0};
        for (long at = track.dataAt(); at < track.dataAt() + track.size(); ) {
            Element child = sized(object, at);
            if (child.id() == TRACK_TYPE && unsigned(object, child) != 1) {
                return new int[] {0, 0};
            }
            if (child.id() == VIDEO) {
                for (long in = child.dataAt(); in < child.dataAt() + child.size(); ) {
                    Element v = sized(object, in);
                    if (v.id() == PIXEL_WIDTH) {
                        picture[0] = (int) unsigned(object, v);
                    } else if (v.id() == PIXEL_HEIGHT) {
                        picture[1] = (int) unsigned(object, v);
                    }
                    in = v.dataAt() + v.size();
                }
            }
            at = child.dataAt() + child.size();
        }
        return picture;
    }

    /** Reads an element's id (its length marker kept, as the spec writes ids) and its size (marker removed). */
    private static Element element(RangedObject object, long at) {
        byte[] b = object.exactly(at, 1);
        int idLength = Integer.numberOfLeadingZeros(b[0] & 0xFF) - 23;
        if (idLength < 1 || idLength > 4) {
            throw new RangedObject.Truncated();
        }
        long id = unsigned(object.exactly(at, idLength));
        long sizeAt = at + idLength;
        int first = object.exactly(sizeAt, 1)[0] & 0xFF;
        int sizeLength = Integer.numberOfLeadingZeros(first) - 23;
        if (sizeLength < 1 || sizeLength > 8) {
            throw new RangedObject.Truncated();
        }
        byte[] sizeBytes = object.exactly(sizeAt, sizeLength);
        sizeBytes[0] &= (byte) (0xFF >> sizeLength);
        long size = unsigned(sizeBytes);
        boolean unknown = size == (1L << (7 * sizeLength)) - 1;
        return new Element(id, sizeAt + sizeLength, unknown ? -1 : size);
    }

    /** An element inside a header, Info or Tracks, where an unknown size has no meaning. */
    private static Element sized(RangedObject object, long at) {
        Element element = element(object, at);
        if (element.size() < 0) {
            throw new Malformed();
        }
        return element;
    }

    /** Not the structure a Matroska file has. */
    @SuppressWarnings("serial") // thrown and caught within one check
    private static final class Malformed extends RuntimeException {
        Malformed() {
            super("malformed", null, false, false);
        }
    }

    private static long unsigned(RangedObject object, Element element) {
        if (element.size() > 8) {
            throw new RangedObject.Truncated();
        }
        return unsigned(object.exactly(element.dataAt(), (int) element.size()));
    }

    private static long unsigned(byte[] bytes) {
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }

    // ------------------------------------------------------------------ pictures

    private static boolean isImage(byte[] head) {
        String ascii = new String(head, StandardCharsets.ISO_8859_1);
        return (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) // JPEG
                || ascii.startsWith("\u0089PNG") || ascii.startsWith("GIF8") || ascii.startsWith("BM")
                || (ascii.startsWith("RIFF") && ascii.length() >= 12 && ascii.startsWith("WEBP", 8))
                || ascii.startsWith("II*\u0000") || ascii.startsWith("MM\u0000*");
    }
}
