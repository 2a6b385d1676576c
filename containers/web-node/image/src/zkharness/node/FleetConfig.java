package zkharness.node;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The fleet config (contract): a JSON object with exactly {@code version} (integer >= 1) and {@code greeting}
 * (string of at most 256 characters). Instances are always valid; {@link #parse} is the only way in from bytes.
 */
public record FleetConfig(long version, String greeting) {

    public static final int MAX_BYTES = 64 * 1024;
    public static final int MAX_GREETING_CHARS = 256;
    /** The largest version a JavaScript reader (the harness, the gateway) holds exactly. */
    public static final long MAX_VERSION = (1L << 53) - 1;

    private static final JsonFactory JSON = new JsonFactory();

    public FleetConfig {
        Objects.requireNonNull(greeting, "greeting");
        if (version < 1 || version > MAX_VERSION) {
            throw new IllegalArgumentException("version out of range: " + version);
        }
        if (greeting.length() > MAX_GREETING_CHARS) {
            throw new IllegalArgumentException("greeting too long: " + greeting.length());
        }
    }

    /** Why bytes are not a fleet config; {@code version} is the version field when it was a JSON number. */
    public static final class Malformed extends Exception {
        private final Number version;

        Malformed(String reason, Number version) {
            super(reason, null, false, false); // a rejection is an expected outcome: no stack trace
            this.version = version;
        }

        public Number version() {
            return version;
        }
    }

    /**
     * Parses and validates. Streaming on purpose: nested values under unknown keys are skipped without recursion,
     * so no input (deeply nested arrays, say) can exhaust the stack; every problem found is listed in the reason.
     */
    public static FleetConfig parse(byte[] data) throws Malformed {
        if (data == null || data.length == 0) {
            throw new Malformed("not JSON: empty", null);
        }
        if (data.length > MAX_BYTES) {
            throw new Malformed("too large: " + data.length + " bytes, at most " + MAX_BYTES, null);
        }
        Number version = null;
        JsonToken versionToken = null;
        String greeting = null;
        JsonToken greetingToken = null;
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        try (JsonParser parser = JSON.createParser(data)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new Malformed("not JSON: no content", null);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new Malformed("not a JSON object: " + kind(first), null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!seen.add(key)) {
                    duplicates.add(key);
                }
                switch (key) {
                    case "version" -> {
                        versionToken = value;
                        if (value == JsonToken.VALUE_NUMBER_INT) {
                            version = parser.getBigIntegerValue();
                        } else if (value == JsonToken.VALUE_NUMBER_FLOAT) {
                            version = parser.getDecimalValue();
                        }
                    }
                    case "greeting" -> {
                        greetingToken = value;
                        if (value == JsonToken.VALUE_STRING) {
                            greeting = parser.getText();
                        }
                    }
                    default -> unknown.add(key);
                }
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new Malformed("trailing content after the JSON object", version);
            }
        } catch (JsonProcessingException e) {
            throw new Malformed("not JSON: " + oneLine(e.getOriginalMessage()), null);
        } catch (IOException e) {
            throw new Malformed("unreadable: " + oneLine(e.toString()), null);
        }

        List<String> problems = new ArrayList<>();
        for (String key : unknown) {
            problems.add("unknown key " + quote(key));
        }
        for (String key : duplicates) {
            problems.add("duplicate key " + quote(key));
        }
        long validVersion = 0;
        if (versionToken == null) {
            problems.add("missing key \"version\"");
        } else if (!(version instanceof BigInteger integer)) {
            problems.add("version must be an integer, not " + (version != null ? version : kind(versionToken)));
        } else if (integer.signum() < 1) {
            problems.add("version must be at least 1, not " + integer);
        } else if (integer.bitLength() > 63 || integer.longValue() > MAX_VERSION) {
            problems.add("version must be at most " + MAX_VERSION + ", not " + integer);
        } else {
            validVersion = integer.longValue();
        }
        if (greetingToken == null) {
            problems.add("missing key \"greeting\"");
        } else if (greeting == null) {
            problems.add("greeting must be a string, not " + kind(greetingToken));
        } else if (greeting.length() > MAX_GREETING_CHARS) {
            problems.add("greeting has " + greeting.length() + " characters, at most " + MAX_GREETING_CHARS);
        }
        if (!problems.isEmpty()) {
            throw new Malformed(String.join("; ", problems), version);
        }
        return new FleetConfig(validVersion, greeting);
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> token.name();
        };
    }

    /** A key as a JSON string, shortened: reasons are logged on one line and shown in /status. */
    private static String quote(String key) {
        String shown = key.length() > 64 ? key.substring(0, 64) + "..." : key;
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(shown)) + "\"";
    }

    private static String oneLine(String message) {
        String text = message == null ? "" : message.replaceAll("\\s+", " ").trim();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
