package nl.mensenmakennederland.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Handlers with the shapes a real function may have, for the gateway and event source tests. */
final class FixtureHandlers {

    private FixtureHandlers() {}

    /** Answers with what it was given: route, claims, and a binary body with a cookie. */
    public static final class Echo implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = event.getRequestContext().getAuthorizer();
            String groups = authorizer == null ? "-" : authorizer.getJwt().getClaims().get("cognito:groups");
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(201)
                    .withHeaders(Map.of("content-type", "application/octet-stream", "x-route", event.getRouteKey(),
                            "x-groups", groups))
                    .withCookies(List.of("seen=1; HttpOnly"))
                    .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))
                    .withIsBase64Encoded(true)
                    .build();
        }
    }

    /** Returns a plain object: API Gateway makes that a 200 JSON response. */
    public static final class PlainMap implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            return Map.of("rawPath", event.get("rawPath"));
        }
    }

    /** Keeps the scheduled events it got. */
    public static final class Scheduled implements RequestHandler<ScheduledEvent, Void> {
        static final List<ScheduledEvent> RECEIVED = new CopyOnWriteArrayList<>();

        @Override
        public Void handleRequest(ScheduledEvent event, Context context) {
            RECEIVED.add(event);
            return null;
        }
    }

    public static final class Failing implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            throw new IllegalStateException("broken on purpose");
        }
    }
}
