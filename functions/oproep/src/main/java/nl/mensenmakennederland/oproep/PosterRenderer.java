package nl.mensenmakennederland.oproep;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The toolkit poster "Mensen maken {place} {ending}": a print-ready A4 PDF with its font
 * embedded (a subset) and a square PNG for social media, white on the campaign's colour, each
 * line fitted to the width. The PNG is drawn from the font's own glyph outlines, not through the
 * JDK's font rendering, so it needs no system fonts or native font library where it runs.
 */
public final class PosterRenderer {

    /** The campaign's colour (the site's brand colour; white on it: 7.9:1). */
    static final Color BRAND = new Color(0xA4, 0x00, 0x4F);
    static final String FIRST_LINE = "Mensen maken";
    static final String FOOTER = "mensenmakennederland.nl";

    /** One line as laid out: its text, font size and width, in the medium's units (points or pixels). */
    public record Line(String text, float size, float width) {}

    public record Poster(byte[] pdf, byte[] png, List<Line> pdfLines, List<Line> pngLines) {}

    private static final class Font {
        static final byte[] BYTES = read("/oproep/fonts/DejaVuSans-Bold.ttf");
        static final TrueTypeFont TTF = parse(BYTES);
        static final CmapLookup CMAP = cmap(TTF);
    }

    private PosterRenderer() {}

    /** Whether the font has a glyph for every character: nothing may fall out of the poster. */
    public static boolean canShow(String text) {
        return text.codePoints().allMatch(c -> c == ' ' || Font.CMAP.getGlyphId(c) > 0);
    }

    /** The three lines fitted to {@code width}: each as large as its maximum allows, smaller when it would not fit. */
    public static List<Line> layout(String place, String ending, float width) {
        List<Line> lines = new ArrayList<>();
        float[] maxima = {0.16f * width, 0.22f * width, 0.22f * width};
        String[] texts = {FIRST_LINE, place, ending};
        for (int i = 0; i < texts.length; i++) {
            float unitWidth = advance(texts[i]);
            float size = Math.min(maxima[i], width / unitWidth);
            lines.add(new Line(texts[i], size, unitWidth * size));
        }
        return lines;
    }

    public static Poster render(String place, String ending) {
        PDRectangle a4 = PDRectangle.A4;
        float margin = 48;
        List<Line> pdfLines = layout(place, ending, a4.getWidth() - 2 * margin);
        int side = 1080;
        int pngMargin = 80;
        List<Line> pngLines = layout(place, ending, side - 2 * pngMargin);
        return new Poster(pdf(a4, margin, pdfLines), png(side, pngMargin, pngLines), pdfLines, pngLines);
    }

    private static byte[] pdf(PDRectangle size, float margin, List<Line> lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(size);
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(Font.BYTES));
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setNonStrokingColor(BRAND);
                content.addRect(0, 0, size.getWidth(), size.getHeight());
                content.fill();
                content.setNonStrokingColor(Color.WHITE);
                float y = size.getHeight() - margin - lines.getFirst().size();
                for (int i = 0; i < lines.size(); i++) {
                    text(content, font, lines.get(i).size(), margin, y, lines.get(i).text());
                    y -= i + 1 < lines.size() ? lines.get(i + 1).size() * 1.15f : 0;
                }
                text(content, font, 16, margin, margin, FOOTER);
            }
            document.getDocumentInformation().setTitle(String.join(" ", lines.stream().map(Line::text).toList()));
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(PDPageContentStream content, PDType0Font font, float size, float x, float y, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private static byte[] png(int side, int margin, List<Line> lines) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(BRAND);
            g.fillRect(0, 0, side, side);
            g.setColor(Color.WHITE);
            float y = margin + lines.getFirst().size();
            for (int i = 0; i < lines.size(); i++) {
                draw(g, lines.get(i).text(), lines.get(i).size(), margin, y);
                y += i + 1 < lines.size() ? lines.get(i + 1).size() * 1.15f : 0;
            }
            draw(g, FOOTER, side / 36f, margin, side - margin);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills each glyph's outline, scaled from font units, the baseline at {@code y} (pixels grow downwards). */
    private static void draw(Graphics2D g, String text, float size, float x, float y) {
        try {
            float scale = size / Font.TTF.getUnitsPerEm();
            float pen = x;
            for (int codePoint : text.codePoints().toArray()) {
                int glyph = Font.CMAP.getGlyphId(codePoint);
                var data = Font.TTF.getGlyph().getGlyph(glyph);
                if (data != null) {
                    GeneralPath outline = data.getPath();
                    AffineTransform place = new AffineTransform(scale, 0, 0, -scale, pen, y);
                    g.fill(place.createTransformedShape(outline));
                }
                pen += Font.TTF.getAdvanceWidth(glyph) * scale;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text's width at size 1. */
    private static float advance(String text) {
        try {
            float units = 0;
            for (int codePoint : text.codePoints().toArray()) {
                units += Font.TTF.getAdvanceWidth(Font.CMAP.getGlyphId(codePoint));
            }
            return units / Font.TTF.getUnitsPerEm();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = PosterRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrueTypeFont parse(byte[] bytes) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CmapLookup cmap(TrueTypeFont font) {
        try {
            return font.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
