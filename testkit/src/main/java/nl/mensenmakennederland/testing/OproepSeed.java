package nl.mensenmakennederland.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The Oproep's sample variants ({@code seed/oproep-variants.json}) as an admin would have put
 * them: a small generated file per variant (a one-page PDF with the call's text, or a PNG) and a
 * preview image in the assets bucket. For the tests, the benchmark and the local run, which store
 * each {@link SeedVariant} in the Oproep table as the oproep job's {@code Variant}.
 */
public final class OproepSeed {

    /** A seed variant with its files in the bucket, as the oproep job's {@code Variant} describes one. */
    public record SeedVariant(String id, String title, String audience, String format, String dimensions, String fileType,
                              long sizeBytes, String language, String objectKey, String previewKey, boolean retired) {}

    /** The call as it ran in the papers on 2 December. */
    public static final String CALL = "Nederland telt al bijna 7 miljoen vrijwilligers. Toch missen we jou nog!";

    private OproepSeed() {}

    /** Puts every seed variant's file and preview in the assets bucket, retired ones included; the variants. */
    public static List<SeedVariant> upload(LocalAws aws) {
        String bucket = aws.name("OproepAssetsBucket");
        List<SeedVariant> stored = new ArrayList<>();
        for (JsonNode v : read().path("variants")) {
            String id = v.path("id").asText();
            String fileType = v.path("fileType").asText();
            byte[] file = fileType.equals("pdf") ? pdf(v.path("title").asText()) : png(540);
            String objectKey = "variants/" + id + "/v1." + fileType;
            String previewKey = "previews/" + id + ".png";
            aws.clients().s3().putObject(r -> r.bucket(bucket).key(objectKey), RequestBody.fromBytes(file));
            aws.clients().s3().putObject(r -> r.bucket(bucket).key(previewKey), RequestBody.fromBytes(png(160)));
            stored.add(new SeedVariant(id, v.path("title").asText(), v.path("audience").asText(), v.path("format").asText(),
                    v.path("dimensions").asText(), fileType, file.length, v.path("language").asText(), objectKey, previewKey,
                    v.path("retired").asBoolean(false)));
        }
        return stored;
    }

    private static JsonNode read() {
        try {
            return Jackson.MAPPER.readTree(RepositoryRoot.path().resolve("seed/oproep-variants.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF with the title and the call in Helvetica, offsets computed as the format requires. */
    public static byte[] pdf(String title) {
        String text = "BT /F1 28 Tf 60 760 Td (" + ascii(title) + ") Tj 0 -48 Td /F1 18 Tf (" + ascii(CALL) + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A square image in the campaign's orange with a white band (no text: headless build machines may lack fonts). */
    public static byte[] png(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xF3, 0x6F, 0x21));
        g.fillRect(0, 0, size, size);
        g.setColor(Color.WHITE);
        g.fillRect(size / 12, size / 3, size * 10 / 12, size / 6);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PDF strings hold Latin text here; anything else (and the delimiters) is left out rather than escaped. */
    private static String ascii(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "").replace("(", "").replace(")", "").replace("\\", "");
    }
}
