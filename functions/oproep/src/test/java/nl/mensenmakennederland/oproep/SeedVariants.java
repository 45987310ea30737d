package nl.mensenmakennederland.oproep;

import java.util.List;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.OproepSeed;

/** The test kit's seed variants (files in the bucket) stored in the Oproep table as this job's variants. */
final class SeedVariants {

    private SeedVariants() {}

    static List<Variant> load(LocalAws aws) {
        VariantCatalog catalog = new VariantCatalog(aws.clients().dynamoDb(), aws.name("OproepTable"));
        List<Variant> stored = OproepSeed.upload(aws).stream().map(SeedVariants::variant).toList();
        stored.forEach(catalog::put);
        return stored;
    }

    private static Variant variant(OproepSeed.SeedVariant seed) {
        return new Variant(seed.id(), seed.title(), Audience.ofCode(seed.audience()).orElseThrow(), seed.format(),
                seed.dimensions(), seed.fileType(), seed.sizeBytes(), seed.language(), seed.objectKey(), seed.previewKey(),
                seed.retired());
    }
}
