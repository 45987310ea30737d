package nl.mensenmakennederland.testing;

import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/** Deletes every table and bucket through the SDK, for emulators without a reset call. */
final class ResourceCleaner {

    private final EmulatorClients clients;

    ResourceCleaner(EmulatorClients clients) {
        this.clients = clients;
    }

    void deleteEverything() {
        clients.dynamoDb().listTablesPaginator().tableNames()
                .forEach(table -> clients.dynamoDb().deleteTable(r -> r.tableName(table)));
        clients.s3().listBuckets().buckets().forEach(bucket -> {
            clients.s3().listObjectsV2Paginator(r -> r.bucket(bucket.name())).contents().forEach(object ->
                    clients.s3().deleteObjects(r -> r.bucket(bucket.name())
                            .delete(d -> d.objects(ObjectIdentifier.builder().key(object.key()).build()))));
            clients.s3().deleteBucket(r -> r.bucket(bucket.name()));
        });
    }
}
