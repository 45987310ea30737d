package nl.mensenmakennederland.prizes;

/** File sizes as a Dutch reader reads them: "2 GB", "64 MB", "1,5 GB" (binary units, as phones show them). */
final class Sizes {

    private Sizes() {}

    static String dutch(long bytes) {
        double gib = bytes / (1024.0 * 1024 * 1024);
        if (gib >= 1) {
            return number(gib) + " GB";
        }
        return number(bytes / (1024.0 * 1024)) + " MB";
    }

    private static String number(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "," + (tenths % 10);
    }
}
