package nl.mensenmakennederland.bench.launcher;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * The serializers the java runtime picks for a handler's input and output: the Lambda event
 * serializers for event types, its Jackson factory for anything else (as aws-lambda-java-tests
 * does too).
 */
record RuntimeSerializers(PojoSerializer<Object> input, PojoSerializer<Object> output) {

    static RuntimeSerializers forHandler(Class<?> handlerClass, ClassLoader loader) {
        Type[] types = requestHandlerTypes(handlerClass);
        return new RuntimeSerializers(serializerFor((Class<?>) types[0], loader), serializerFor((Class<?>) types[1], loader));
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializerFor(Class<?> type, ClassLoader loader) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader);
        }
        return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
    }

    /** The {@code I, O} of {@code RequestHandler<I, O>}, wherever in the class hierarchy it is declared. */
    private static Type[] requestHandlerTypes(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type candidate : c.getGenericInterfaces()) {
                if (candidate instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    return p.getActualTypeArguments();
                }
            }
        }
        throw new IllegalArgumentException(type.getName() + " does not implement RequestHandler<I, O>");
    }
}
