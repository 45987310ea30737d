package nl.mensenmakennederland.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients configured as the functions configure theirs, pointed at an emulator. */
public record EmulatorClients(String endpoint, DynamoDbClient dynamoDb, S3Client s3, SesV2Client ses, SqsClient sqs) {

    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    public static EmulatorClients forEndpoint(String endpoint) {
        return new EmulatorClients(endpoint,
                configure(DynamoDbClient.builder(), SamTemplate.REGION, CREDENTIALS, endpoint).build(),
                configure(S3Client.builder(), SamTemplate.REGION, CREDENTIALS, endpoint)
                        .forcePathStyle(true).build(),
                configure(SesV2Client.builder(), SamTemplate.REGION, CREDENTIALS, endpoint).build(),
                configure(SqsClient.builder(), SamTemplate.REGION, CREDENTIALS, endpoint).build());
    }

    /** Region, the emulator's keys, the JDK's URL connection and the endpoint: what a function's client has, pointed here. */
    public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(
            B builder, String region, AwsCredentialsProvider credentials, String endpoint) {
        builder.region(Region.of(region)).credentialsProvider(credentials).endpointOverride(URI.create(endpoint));
        builder.httpClient(UrlConnectionHttpClient.create());
        return builder;
    }

    public S3Presigner presigner() {
        return S3Presigner.builder()
                .region(Region.of(SamTemplate.REGION))
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(URI.create(endpoint))
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build())
                .build();
    }
}
