package nl.mensenmakennederland.testing;

import nl.mensenmakennederland.shared.AwsClients;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** SDK clients configured as the functions configure theirs, pointed at an emulator. */
public record EmulatorClients(String endpoint, DynamoDbClient dynamoDb, S3Client s3, SesV2Client ses) {

    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    public static EmulatorClients forEndpoint(String endpoint) {
        return new EmulatorClients(endpoint,
                AwsClients.configure(DynamoDbClient.builder(), SamTemplate.REGION, CREDENTIALS, endpoint).build(),
                AwsClients.configure(S3Client.builder(), SamTemplate.REGION, CREDENTIALS, endpoint)
                        .forcePathStyle(true).build(),
                AwsClients.configure(SesV2Client.builder(), SamTemplate.REGION, CREDENTIALS, endpoint).build());
    }

    public S3Presigner presigner() {
        return S3Presigner.builder()
                .region(software.amazon.awssdk.regions.Region.of(SamTemplate.REGION))
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(java.net.URI.create(endpoint))
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build())
                .build();
    }
}
