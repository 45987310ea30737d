package nl.mensenmakennederland.shared;

/** Text made safe to put in HTML, e.g. a name someone typed into a form. */
public final class Html {

    private Html() {}

    /** Escapes the five characters HTML gives meaning; null becomes empty. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
