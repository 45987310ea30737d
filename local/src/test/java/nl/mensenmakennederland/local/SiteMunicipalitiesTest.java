package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import nl.mensenmakennederland.shared.Municipalities;
import nl.mensenmakennederland.testing.RepositoryRoot;
import org.junit.jupiter.api.Test;

/** The site's list of municipalities (the prize form's suggestions) is the list the API accepts. */
class SiteMunicipalitiesTest {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    @Test
    void theSiteSuggestsExactlyTheMunicipalitiesTheApiAccepts() throws IOException {
        String script = Files.readString(RepositoryRoot.path().resolve("site/js/gemeenten.js"), StandardCharsets.UTF_8);
        List<String> onTheSite = QUOTED.matcher(script.substring(script.indexOf('['))).results().map(m -> m.group(1)).toList();

        List<String> shipped;
        try (InputStream tsv = Municipalities.class.getResourceAsStream("/municipalities.tsv")) {
            shipped = new String(tsv.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t")[1].trim()).toList();
        }
        assertThat(onTheSite).hasSize(Municipalities.count()).containsExactlyInAnyOrderElementsOf(shipped);
        assertThat(onTheSite).allSatisfy(name -> assertThat(Municipalities.official(name)).contains(name));
    }
}
