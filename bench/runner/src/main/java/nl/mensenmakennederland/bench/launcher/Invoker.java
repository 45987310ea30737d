package nl.mensenmakennederland.bench.launcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Calls a handler as the java runtime does: a {@link RequestStreamHandler} gets the event's bytes
 * and writes its answer (the runtime prefers this interface when a class has both); a
 * {@link RequestHandler} gets the event through the runtime's serializers, built at init.
 */
interface Invoker {

    /** The answer's JSON to the event's JSON. */
    String invoke(byte[] event, Context context) throws IOException;

    @SuppressWarnings("unchecked")
    static Invoker of(Object handler, ClassLoader loader) {
        if (handler instanceof RequestStreamHandler stream) {
            return (event, context) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                stream.handleRequest(new ByteArrayInputStream(event), out, context);
                return out.toString(StandardCharsets.UTF_8);
            };
        }
        RequestHandler<Object, Object> pojo = (RequestHandler<Object, Object>) handler;
        RuntimeSerializers serializers = RuntimeSerializers.forHandler(handler.getClass(), loader);
        return (event, context) -> {
            Object input = serializers.input().fromJson(new ByteArrayInputStream(event));
            Object output = pojo.handleRequest(input, context);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            serializers.output().toJson(output, out);
            return out.toString(StandardCharsets.UTF_8);
        };
    }
}
