package nl.mensenmakennederland.shared.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import nl.mensenmakennederland.shared.Log;

/**
 * Base of every HTTP API handler: the subclass reads like its route and throws {@link Problem}
 * for anything the client got wrong; this turns that into a problem document, and anything
 * unexpected into a 500 that reveals nothing.
 */
public abstract class HttpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Log.requestId(context == null ? null : context.getAwsRequestId());
        Request request = new Request(event);
        try {
            return handle(request);
        } catch (Problem problem) {
            Log.info("request.refused", "route", request.routeKey(), "status", problem.status());
            return Responses.problem(problem);
        } catch (RuntimeException unexpected) {
            Log.error("request.failed", unexpected, "route", request.routeKey());
            return Responses.problem(Problem.internal());
        }
    }

    protected abstract APIGatewayV2HTTPResponse handle(Request request);
}
