package nl.mensenmakennederland.prizes;

import java.util.Arrays;

/**
 * An object served from memory as S3 serves ranged GETs (the bytes asked for, fewer at the end,
 * and the whole size), so the check's reads can be counted. {@link #padded} serves a file made
 * larger without holding it: a real MP4 whose media data grew by zeros, its index after them.
 */
final class InMemoryObject extends RangedObject {

    private final byte[] head;
    private final long zeros;
    private final byte[] tail;

    private InMemoryObject(byte[] head, long zeros, byte[] tail) {
        super(RangedObject.BUDGET);
        this.head = head;
        this.zeros = zeros;
        this.tail = tail;
    }

    static InMemoryObject of(byte[] bytes) {
        return new InMemoryObject(bytes, 0, new byte[0]);
    }

    /**
     * {@code mp4}, whose last box is its index, with {@code extraBytes} of zeros added to the end
     * of the media data just before it, the media data's size grown to match (as a 64-bit size).
     */
    static InMemoryObject padded(byte[] mp4, long extraBytes) {
        long at = 0;
        long mdat = -1;
        long moov = -1;
        while (at < mp4.length) {
            long size = u32(mp4, (int) at);
            String type = new String(mp4, (int) at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (type.equals("mdat")) {
                mdat = at;
            } else if (type.equals("moov")) {
                moov = at;
            }
            at += size;
        }
        if (mdat < 0 || moov < mdat) {
            throw new IllegalArgumentException("Needs an MP4 with its index after the media data");
        }
        // Rewrite the media data's header as a 64-bit one: "\0\0\0\1mdat" + size.
        long mdatSize = u32(mp4, (int) mdat);
        byte[] before = Arrays.copyOfRange(mp4, 0, (int) mdat);
        byte[] payload = Arrays.copyOfRange(mp4, (int) mdat + 8, (int) (mdat + mdatSize));
        long grown = 16 + payload.length + extraBytes;
        byte[] header = new byte[16];
        header[3] = 1;
        System.arraycopy("mdat".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, header, 4, 4);
        for (int i = 0; i < 8; i++) {
            header[15 - i] = (byte) (grown >>> (8 * i));
        }
        byte[] head = concat(before, header, payload);
        byte[] tail = Arrays.copyOfRange(mp4, (int) moov, mp4.length);
        return new InMemoryObject(head, extraBytes, tail);
    }

    /** Every byte, in memory: what a test uploads. */
    byte[] whole() {
        byte[] out = new byte[(int) length()];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, (int) (head.length + zeros), tail.length);
        return out;
    }

    long length() {
        return head.length + zeros + tail.length;
    }

    @Override
    protected Range fetch(long from, int length) {
        long end = Math.min(length(), from + length);
        byte[] out = new byte[(int) Math.max(0, end - from)];
        for (long i = from; i < end; i++) {
            out[(int) (i - from)] = byteAt(i);
        }
        return new Range(out, length());
    }

    private byte byteAt(long i) {
        if (i < head.length) {
            return head[(int) i];
        }
        long inTail = i - head.length - zeros;
        return inTail < 0 ? 0 : tail[(int) inTail];
    }

    private static long u32(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
