package nl.mensenmakennederland.shared.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.Metrics;
import nl.mensenmakennederland.shared.Metrics.Metric;
import nl.mensenmakennederland.shared.Priming;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Base of every HTTP API handler: the subclass reads like its route and throws {@link Problem}
 * for anything the client got wrong; this turns that into a problem document, and anything
 * unexpected into a 500 that reveals nothing.
 *
 * <p>AWS refusing a call for load even after the SDK's retries (throttling, 503) is answered 503
 * with {@code Retry-After}: nothing was stored, because every route writes at most once per
 * request (one item or one transaction, whose refusal writes nothing) and what runs after a
 * committed write does not fail the request. Other AWS errors stay a 500: a 500 from DynamoDB,
 * or a connection lost mid-write, leaves open whether the write happened.
 *
 * <p>Lambda calls the stream overload (the runtime prefers it): the event is read and the answer
 * written by {@link ApiGatewayJson}, so the runtime never builds its event serializers, a third
 * of a cold start (see the README's cold-start section). Tests and the local runner call
 * the typed overload; both run the same code.
 */
public abstract class HttpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        RequestStreamHandler {

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ApiGatewayJson.writeResponse(handleRequest(ApiGatewayJson.readEvent(input), context), output);
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Log.requestId(context == null ? null : context.getAwsRequestId());
        Request request = new Request(event);
        try {
            return handle(request);
        } catch (Problem problem) {
            Log.info("request.refused", "route", request.routeKey(), "status", problem.status());
            if (problem.status() == 503) {
                Metrics.count(Metric.ANSWERED_BUSY);
            }
            return Responses.problem(problem);
        } catch (SdkServiceException refused) {
            if (refused.isThrottlingException() || refused.statusCode() == 503) {
                Log.warn("request.busy", "route", request.routeKey(), "awsErrorCode",
                        refused instanceof AwsServiceException aws ? aws.awsErrorDetails().errorCode() : null);
                Metrics.count(Metric.ANSWERED_BUSY);
                return Responses.problem(Problem.busy(2));
            }
            Log.error("request.failed", refused, "route", request.routeKey());
            return Responses.problem(Problem.internal());
        } catch (RuntimeException unexpected) {
            Log.error("request.failed", unexpected, "route", request.routeKey());
            return Responses.problem(Problem.internal());
        }
    }

    protected abstract APIGatewayV2HTTPResponse handle(Request request);

    /**
     * Requests to this route that take its first request's path as far as they can while
     * reading nothing and writing nothing they should not: reads, or requests refused before
     * any write. Used for SnapStart priming; none by default.
     */
    protected List<PrimingRequest> primingRequests() {
        return List.of();
    }

    /**
     * What a route does that no harmless request reaches (a write), done against clients that
     * never reach AWS ({@code AwsClients.offline}). Used for SnapStart priming; nothing by default.
     */
    protected void rehearse() {}

    /** Call from the production (no-argument) constructor: primes this handler before a SnapStart checkpoint. */
    protected final void primeOnCheckpoint() {
        Priming.beforeCheckpoint(getClass(), this::prime);
    }

    /**
     * What priming runs: the SDK's warm-up of the clients this function built (no network
     * call), the {@link #rehearse() rehearsal}, then the {@link #primingRequests()} through the
     * whole Lambda path, event JSON in and answer JSON out, so the event mapping, the route and
     * the SDK calls are all warm. An unexpected answer is logged, not thrown: a deploy must not
     * fail on priming, but the answers are returned so that tests can.
     */
    public final List<PrimingRequest.Answer> prime() {
        AwsClients.warmUpBuilt();
        rehearse();
        List<PrimingRequest.Answer> answers = new ArrayList<>();
        for (PrimingRequest request : primingRequests()) {
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            int status;
            try {
                handleRequest(new ByteArrayInputStream(request.json()), response, null);
                status = Json.MAPPER.readTree(response.toByteArray()).path("statusCode").asInt();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PrimingRequest.Answer answer = new PrimingRequest.Answer(request.routeKey(), request.expectedStatus(), status);
            if (!answer.asExpected()) {
                Log.error("priming.unexpected", "route", answer.routeKey(), "status", status, "expected", answer.expected());
            }
            answers.add(answer);
        }
        return answers;
    }
}
