package nl.mensenmakennederland.shared;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Structured logs: one JSON object per line on stdout, which Lambda ships to CloudWatch.
 * Callers pass an event name and non-personal fields (ids, counts, codes); never an email,
 * a name or an address. Errors are logged by type and AWS error code, not by message, because
 * messages can echo request data.
 */
public final class Log {

    private enum Level { DEBUG, INFO, WARN, ERROR }

    private static final String SERVICE = Env.system().optional("SERVICE_NAME", "mensen-maken-nederland");
    /** {@code LOG_LEVEL} from the template: lines below it are not written. */
    private static final Level THRESHOLD = Level.valueOf(Env.system().optional("LOG_LEVEL", "INFO").toUpperCase(java.util.Locale.ROOT));
    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();
    private static volatile PrintStream out = System.out;

    private Log() {}

    public static void requestId(String requestId) {
        REQUEST_ID.set(requestId);
    }

    public static void info(String event, Object... keyValues) {
        write(Level.INFO, event, keyValues);
    }

    public static void warn(String event, Object... keyValues) {
        write(Level.WARN, event, keyValues);
    }

    /** An error without an exception: something answered what it must not. */
    public static void error(String event, Object... keyValues) {
        write(Level.ERROR, event, keyValues);
    }

    public static void error(String event, Throwable error, Object... keyValues) {
        Object[] withError = new Object[keyValues.length + 6];
        System.arraycopy(keyValues, 0, withError, 0, keyValues.length);
        int i = keyValues.length;
        withError[i++] = "errorType";
        withError[i++] = error.getClass().getName();
        withError[i++] = "awsErrorCode";
        withError[i++] = error instanceof AwsServiceException aws ? aws.awsErrorDetails().errorCode() : null;
        withError[i++] = "at";
        withError[i] = firstFrames(error);
        write(Level.ERROR, event, withError);
    }

    /** A line that is already JSON (an embedded-metric record from {@link Metrics}), among the logs. */
    static void line(String json) {
        out.println(json);
    }

    /** Tests read what a flow logged (and counted). */
    public static void redirect(PrintStream stream) {
        out = stream;
    }

    private static void write(Level level, String event, Object[] keyValues) {
        if (level.compareTo(THRESHOLD) < 0) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("level", level.name());
        line.put("service", SERVICE);
        line.put("event", event);
        String requestId = REQUEST_ID.get();
        if (requestId != null) {
            line.put("requestId", requestId);
        }
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                line.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
            }
        }
        out.println(Json.write(line));
    }

    private static String firstFrames(Throwable error) {
        StringBuilder frames = new StringBuilder();
        StackTraceElement[] trace = error.getStackTrace();
        for (int i = 0; i < Math.min(6, trace.length); i++) {
            frames.append(i == 0 ? "" : " < ").append(trace[i]);
        }
        return frames.toString();
    }
}
