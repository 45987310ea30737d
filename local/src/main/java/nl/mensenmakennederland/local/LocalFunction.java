package nl.mensenmakennederland.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import nl.mensenmakennederland.testing.SamTemplate;

/**
 * One function of the template, invoked in-process the way Lambda invokes it: the event arrives
 * as JSON and is turned into the handler's input type by the Lambda Java runtime's own
 * serialisers, and the result goes back to JSON the same way.
 *
 * <p>Like Lambda, an instance handles one event at a time: a concurrent invocation gets another
 * instance (a cold start), built with the handler's no-argument constructor, as in Lambda.
 */
final class LocalFunction {

    private final String name;
    private final Class<?> handlerClass;
    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;
    private final Deque<RequestHandler<Object, Object>> idle = new ConcurrentLinkedDeque<>();

    private LocalFunction(String name, Class<?> handlerClass, Class<?> inputType, Class<?> outputType) {
        this.name = name;
        this.handlerClass = handlerClass;
        this.input = serializerFor(inputType);
        this.output = serializerFor(outputType);
    }

    /** Loads the handler class and builds a first instance, so a broken function fails at start. */
    static LocalFunction of(SamTemplate.Function function) {
        try {
            Class<?> handlerClass = Class.forName(function.handlerClass());
            if (!RequestHandler.class.isAssignableFrom(handlerClass)) {
                throw new IllegalStateException(function.handler() + " is not a RequestHandler");
            }
            Type[] types = requestHandlerTypes(handlerClass);
            LocalFunction local = new LocalFunction(function.logicalId(), handlerClass, raw(types[0]), raw(types[1]));
            local.idle.push(local.newInstance());
            return local;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Handler class of " + function.logicalId() + " not found", e);
        }
    }

    String name() {
        return name;
    }

    /** Invokes the handler with a JSON event and returns its result as JSON (Lambda's contract). */
    String invoke(String eventJson) {
        RequestHandler<Object, Object> handler = idle.poll();
        if (handler == null) {
            handler = newInstance();
        }
        try {
            Object event = input.fromJson(eventJson);
            Object result = handler.handleRequest(event, new LocalContext(name, UUID.randomUUID().toString()));
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            output.toJson(result, json);
            return json.toString(StandardCharsets.UTF_8);
        } finally {
            idle.push(handler);
        }
    }

    @SuppressWarnings("unchecked")
    private RequestHandler<Object, Object> newInstance() {
        try {
            return (RequestHandler<Object, Object>) handlerClass.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct " + handlerClass.getName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializerFor(Class<?> type) {
        // What the Lambda Java runtime does: its event classes have dedicated serialisers, the rest is Jackson.
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, type.getClassLoader())
                : (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
    }

    /** The I and O of {@code RequestHandler<I, O>} as the handler class (or a superclass) binds them. */
    private static Type[] requestHandlerTypes(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type candidate : c.getGenericInterfaces()) {
                if (candidate instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    return p.getActualTypeArguments();
                }
            }
        }
        return new Type[] {Object.class, Object.class};
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
    }
}
