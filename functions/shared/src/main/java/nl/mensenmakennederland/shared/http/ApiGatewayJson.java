package nl.mensenmakennederland.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;

/**
 * HTTP API events (payload format 2.0) read from JSON, and answers written to it, through
 * Jackson's tree model and generator rather than bean mapping: introspecting these event
 * classes costs a fresh JVM about 130 ms, reading the tree a few. Field for field what the
 * java runtime's serializer produces (LambdaEventMappingTest holds it to that).
 */
final class ApiGatewayJson {

    private ApiGatewayJson() {}

    static APIGatewayV2HTTPEvent readEvent(InputStream in) throws IOException {
        JsonNode e = Json.MAPPER.readTree(in);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion(text(e, "version"));
        event.setRouteKey(text(e, "routeKey"));
        event.setRawPath(text(e, "rawPath"));
        event.setRawQueryString(text(e, "rawQueryString"));
        event.setCookies(texts(e.get("cookies")));
        event.setHeaders(textMap(e.get("headers")));
        event.setQueryStringParameters(textMap(e.get("queryStringParameters")));
        event.setPathParameters(textMap(e.get("pathParameters")));
        event.setStageVariables(textMap(e.get("stageVariables")));
        event.setBody(text(e, "body"));
        event.setIsBase64Encoded(e.path("isBase64Encoded").asBoolean(false));
        JsonNode c = e.get("requestContext");
        if (c != null && c.isObject()) {
            event.setRequestContext(requestContext(c));
        }
        return event;
    }

    static void writeResponse(APIGatewayV2HTTPResponse response, OutputStream out) throws IOException {
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("statusCode", response.getStatusCode());
            writeMap(json, "headers", response.getHeaders());
            if (response.getMultiValueHeaders() != null) {
                json.writeObjectField("multiValueHeaders", response.getMultiValueHeaders());
            }
            if (response.getCookies() != null) {
                json.writeObjectField("cookies", response.getCookies());
            }
            if (response.getBody() != null) {
                json.writeStringField("body", response.getBody());
            }
            json.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
            json.writeEndObject();
        }
    }

    private static RequestContext requestContext(JsonNode c) {
        RequestContext context = new RequestContext();
        context.setRouteKey(text(c, "routeKey"));
        context.setAccountId(text(c, "accountId"));
        context.setStage(text(c, "stage"));
        context.setApiId(text(c, "apiId"));
        context.setDomainName(text(c, "domainName"));
        context.setDomainPrefix(text(c, "domainPrefix"));
        context.setTime(text(c, "time"));
        context.setTimeEpoch(c.path("timeEpoch").asLong(0));
        context.setRequestId(text(c, "requestId"));
        JsonNode h = c.get("http");
        if (h != null && h.isObject()) {
            RequestContext.Http http = new RequestContext.Http();
            http.setMethod(text(h, "method"));
            http.setPath(text(h, "path"));
            http.setProtocol(text(h, "protocol"));
            http.setSourceIp(text(h, "sourceIp"));
            http.setUserAgent(text(h, "userAgent"));
            context.setHttp(http);
        }
        JsonNode a = c.get("authorizer");
        if (a != null && a.isObject()) {
            RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
            JsonNode jwt = a.get("jwt");
            if (jwt != null && jwt.isObject()) {
                RequestContext.Authorizer.JWT token = new RequestContext.Authorizer.JWT();
                token.setClaims(textMap(jwt.get("claims")));
                token.setScopes(texts(jwt.get("scopes")));
                authorizer.setJwt(token);
            }
            JsonNode lambda = a.get("lambda");
            if (lambda != null && lambda.isObject()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> values = Json.MAPPER.convertValue(lambda, Map.class);
                authorizer.setLambda(values);
            }
            JsonNode iam = a.get("iam");
            if (iam != null && iam.isObject()) {
                RequestContext.IAM identity = new RequestContext.IAM();
                identity.setAccessKey(text(iam, "accessKey"));
                identity.setAccountId(text(iam, "accountId"));
                identity.setCallerId(text(iam, "callerId"));
                identity.setPrincipalOrgId(text(iam, "principalOrgId"));
                identity.setUserArn(text(iam, "userArn"));
                identity.setUserId(text(iam, "userId"));
                JsonNode cognito = iam.get("cognitoIdentity");
                if (cognito != null && cognito.isObject()) {
                    RequestContext.CognitoIdentity cognitoIdentity = new RequestContext.CognitoIdentity();
                    cognitoIdentity.setAmr(texts(cognito.get("amr")));
                    cognitoIdentity.setIdentityId(text(cognito, "identityId"));
                    cognitoIdentity.setIdentityPoolId(text(cognito, "identityPoolId"));
                    identity.setCognitoIdentity(cognitoIdentity);
                }
                authorizer.setIam(identity);
            }
            context.setAuthorizer(authorizer);
        }
        return context;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> texts(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        List<String> texts = new ArrayList<>(array.size());
        array.forEach(v -> texts.add(v.isNull() ? null : v.asText()));
        return texts;
    }

    private static Map<String, String> textMap(JsonNode object) {
        if (object == null || !object.isObject()) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(p -> map.put(p.getKey(), p.getValue().isNull() ? null : p.getValue().asText()));
        return map;
    }

    private static void writeMap(JsonGenerator json, String field, Map<String, String> map) throws IOException {
        if (map == null) {
            return;
        }
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, String> entry : map.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }
}
