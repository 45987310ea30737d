package nl.mensenmakennederland.prizes;

import java.util.ArrayList;
import java.util.List;

/**
 * An object read in ranges, never whole: each place first touched is fetched in one ranged read
 * of {@link #FETCH} bytes (a box header, and what follows it, is mostly in one fetch), kept for
 * what follows, and all fetches together stay within the {@code budget}, whatever the object's
 * size. A read that would spend more than the budget fails with {@link BudgetSpent}.
 */
public abstract class RangedObject {

    /** What one ranged read asks for, at least. */
    static final int FETCH = 64 * 1024;
    /** The most any check reads of one object. */
    public static final int BUDGET = 1024 * 1024;

    /** The object's bytes {@code from} (inclusive) to {@code to} (exclusive), and its whole size. */
    protected record Range(byte[] bytes, long objectSize) {}

    /** The check would read more of this object than the budget allows. */
    @SuppressWarnings("serial") // thrown and caught within one check
    static final class BudgetSpent extends RuntimeException {
        BudgetSpent() {
            super("read budget spent", null, false, false);
        }
    }

    private record Fetched(long offset, byte[] bytes) {
        boolean holds(long from, int length) {
            return from >= offset && from + length <= offset + bytes.length;
        }
    }

    private final List<Fetched> fetched = new ArrayList<>();
    private final int budget;
    private long size = -1;
    private long bytesRead;
    private int reads;

    protected RangedObject(int budget) {
        this.budget = budget;
    }

    /** One ranged read: the bytes from {@code from}, {@code length} at most (fewer at the end), and the object's size. */
    protected abstract Range fetch(long from, int length);

    /** The object's size (one ranged read at the start, if none was made yet). */
    public final long size() {
        if (size < 0) {
            bytes(0, 0);
        }
        return size;
    }

    public final long bytesRead() {
        return bytesRead;
    }

    public final int reads() {
        return reads;
    }

    /** Fetches the last bytes of the object, up to {@link #FETCH}: where phones write the MP4 index. */
    final void readTail() {
        long start = Math.max(0, size() - FETCH);
        if (fetched.stream().noneMatch(f -> f.holds(start, (int) (size() - start)))) {
            fetchAt(start, (int) (size() - start));
        }
    }

    /** {@code length} bytes at {@code from}; fewer when the object ends sooner. */
    final byte[] bytes(long from, int length) {
        if (size >= 0) {
            length = (int) Math.max(0, Math.min(length, size - from));
        }
        for (Fetched f : fetched) {
            if (f.holds(from, length)) {
                byte[] out = new byte[length];
                System.arraycopy(f.bytes, (int) (from - f.offset), out, 0, length);
                return out;
            }
        }
        Fetched f = fetchAt(from, Math.max(length, FETCH));
        int available = (int) Math.max(0, Math.min(length, f.bytes.length - (from - f.offset)));
        byte[] out = new byte[available];
        System.arraycopy(f.bytes, 0, out, 0, available);
        return out;
    }

    private Fetched fetchAt(long from, int length) {
        int allowed = (int) Math.min(length, budget - bytesRead);
        if (allowed <= 0 || (size >= 0 && from >= size)) {
            if (size >= 0 && from >= size) {
                return new Fetched(from, new byte[0]);
            }
            throw new BudgetSpent();
        }
        Range range = fetch(from, allowed);
        size = range.objectSize();
        reads++;
        bytesRead += range.bytes().length;
        Fetched f = new Fetched(from, range.bytes());
        fetched.add(f);
        return f;
    }

    final long u32(long at) {
        byte[] b = exactly(at, 4);
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    }

    final long u64(long at) {
        return (u32(at) << 32) | u32(at + 4);
    }

    final String fourCc(long at) {
        return new String(exactly(at, 4), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Exactly {@code length} bytes, or {@link Truncated} when the object ends first. */
    final byte[] exactly(long at, int length) {
        byte[] b = bytes(at, length);
        if (b.length < length) {
            throw new Truncated();
        }
        return b;
    }

    /** The object ends where its structure says there is more. */
    @SuppressWarnings("serial") // thrown and caught within one check
    static final class Truncated extends RuntimeException {
        Truncated() {
            super("object ends early", null, false, false);
        }
    }
}
