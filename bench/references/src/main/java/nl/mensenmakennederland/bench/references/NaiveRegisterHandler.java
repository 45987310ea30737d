package nl.mensenmakennederland.bench.references;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The naive reference: a registration stored the way a quick tutorial writes it. Default client
 * builder (default region, credential and endpoint lookup, the SDK's default Apache 5 HTTP
 * client), the Enhanced client with {@code TableSchema.fromBean}, no tuning. One PutItem per
 * request. Our functions must start faster than this.
 */
public class NaiveRegisterHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.create();
    private final DynamoDbTable<RegistrationBean> table =
            enhanced.table(System.getenv("EVENTS_TABLE"), TableSchema.fromBean(RegistrationBean.class));
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            RegistrationBean registration = mapper.readValue(event.getBody(), RegistrationBean.class);
            String id = UUID.randomUUID().toString();
            registration.setPk("NAIVE#" + event.getPathParameters().get("id"));
            registration.setSk("REGISTRATION#" + id);
            table.putItem(registration);
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(201)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody(mapper.writeValueAsString(Map.of("registrationId", id)))
                    .build();
        } catch (Exception e) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(500).withBody(e.toString()).build();
        }
    }
}
