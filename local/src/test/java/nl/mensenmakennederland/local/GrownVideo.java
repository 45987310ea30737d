package nl.mensenmakennederland.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A real MP4 made as large as a phone's vlog: its media data ({@code mdat}) grown by zeros at its
 * end, its index ({@code moov}) after them, as phones write it. Nothing the index points at moves,
 * so the file still plays; the zeros are media data no frame refers to.
 */
final class GrownVideo {

    private GrownVideo() {}

    /** Writes {@code mp4} (its index after its media data) grown to {@code totalBytes} (under 4 GiB) to {@code out}. */
    static Path write(byte[] mp4, long totalBytes, Path out) throws IOException {
        int mdat = -1;
        int moov = -1;
        for (int at = 0; at < mp4.length; at += (int) size(mp4, at)) {
            if (size(mp4, at) < 8) {
                throw new IllegalArgumentException("Needs an MP4 of 32-bit boxes");
            }
            String type = new String(mp4, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("mdat")) {
                mdat = at;
            } else if (type.equals("moov")) {
                moov = at;
            }
        }
        if (mdat < 0 || moov < mdat || size(mp4, mdat) + mdat != moov) {
            throw new IllegalArgumentException("Needs an MP4 whose index directly follows its media data");
        }
        long extra = totalBytes - mp4.length;
        long grownMdat = size(mp4, mdat) + extra;
        if (extra < 0 || grownMdat > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Grows a 32-bit media data box only");
        }
        byte[] head = Arrays.copyOfRange(mp4, 0, moov);
        ByteBuffer.wrap(head, mdat, 4).putInt((int) grownMdat);
        try (OutputStream file = Files.newOutputStream(out)) {
            file.write(head);
            byte[] zeros = new byte[1 << 20];
            for (long left = extra; left > 0; left -= zeros.length) {
                file.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
            file.write(mp4, moov, mp4.length - moov);
        }
        return out;
    }

    private static long size(byte[] mp4, int at) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(mp4, at, 4).getInt());
    }
}
