package nl.mensenmakennederland.bench.references;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * The floor: what any Java HTTP function costs before it does anything (JVM start, the runtime
 * deserializing the event, a trivial answer). No SDK, no JSON library of our own.
 */
public class FloorHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withBody("{\"route\":\"" + event.getRouteKey() + "\"}")
                .build();
    }
}
