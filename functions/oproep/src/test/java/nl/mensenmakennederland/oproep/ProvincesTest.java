package nl.mensenmakennederland.oproep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import nl.mensenmakennederland.shared.Municipalities;
import org.junit.jupiter.api.Test;

/** The statistics' provinces come from the shipped municipality list: complete, and right where it is easy to get wrong. */
class ProvincesTest {

    @Test
    void everyMunicipalityHasItsProvinceAndEachProvinceHasItsCbsCount() throws IOException {
        Map<String, Integer> perProvince = new TreeMap<>();
        try (InputStream in = Municipalities.class.getResourceAsStream("/municipalities.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String name = line.split("\t")[1];
                    perProvince.merge(Municipalities.province(Municipalities.official(name).orElseThrow()).orElseThrow(), 1, Integer::sum);
                }
            }
        }

        // CBS, gemeentelijke indeling op 1 januari 2026: 342 municipalities in 12 provinces.
        assertThat(perProvince).isEqualTo(new TreeMap<>(Map.ofEntries(
                Map.entry("Drenthe", 12), Map.entry("Flevoland", 6), Map.entry("Fryslân", 18), Map.entry("Gelderland", 51),
                Map.entry("Groningen", 10), Map.entry("Limburg", 31), Map.entry("Noord-Brabant", 56),
                Map.entry("Noord-Holland", 44), Map.entry("Overijssel", 25), Map.entry("Utrecht", 26),
                Map.entry("Zeeland", 13), Map.entry("Zuid-Holland", 50))));
    }

    @Test
    void borderCasesAreInTheRightProvince() {
        Map<String, String> expected = Map.of(
                "Eemnes", "Utrecht",                 // in Het Gooi, but Utrecht's
                "Vijfheerenlanden", "Utrecht",       // moved from Zuid-Holland in 2019
                "Zeewolde", "Flevoland",
                "Voorne aan Zee", "Zuid-Holland",    // formed in 2023
                "Den Haag", "Zuid-Holland",          // 's-Gravenhage
                "Den Bosch", "Noord-Brabant",
                "sudwest fryslan", "Fryslân",
                "Mook en Middelaar", "Limburg",
                "Zwijndrecht", "Zuid-Holland");
        expected.forEach((name, province) -> assertThat(Municipalities.official(name).flatMap(Municipalities::province))
                .as(name).hasValue(province));
        assertThat(Municipalities.province("Atlantis")).isEmpty();
    }
}
