package zkharness.node;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks of the fleet-config contract, run by the image build (stage 1): a rule that regresses fails the build.
 * Plain Java on purpose: no test framework in the image recipe.
 */
public final class ConfigCheck {

    private static final List<String> failures = new ArrayList<>();
    private static int checks;

    public static void main(String[] args) {
        // valid
        valid("{\"version\":1,\"greeting\":\"hi\"}", 1, "hi");
        valid(" {\"greeting\":\"\",\"version\":9007199254740991}\n", 9007199254740991L, "");
        valid("{\"version\":2,\"greeting\":\"" + "x".repeat(256) + "\"}", 2, "x".repeat(256));
        valid("{\"version\":3,\"greeting\":\"h\\u00e9 \\n\"}", 3, "h\u00e9 \n");

        // malformed
        malformed("", "not JSON", null);
        malformed("   ", "not JSON", null);
        malformed("not json", "not JSON", null);
        malformed("{\"version\":1,\"greeting\":\"hi\"", "not JSON", null);
        malformed("[1,2]", "not a JSON object", null);
        malformed("\"text\"", "not a JSON object", null);
        malformed("null", "not a JSON object", null);
        malformed("{\"version\":1,\"greeting\":\"hi\"} {}", "trailing content", 1);
        malformed("{\"version\":1,\"greeting\":\"hi\",\"extra\":true}", "unknown key \"extra\"", 1);
        malformed("{\"version\":1,\"greeting\":\"hi\",\"deep\":" + "[".repeat(30000) + "]".repeat(30000) + "}",
                "not JSON", null); // Debian's jackson-core stops at depth 1000: no stack at risk
        malformed("{\"greeting\":\"hi\"}", "missing key \"version\"", null);
        malformed("{\"version\":1}", "missing key \"greeting\"", 1);
        malformed("{}", "missing key \"version\"; missing key \"greeting\"", null);
        malformed("{\"version\":0,\"greeting\":\"hi\"}", "at least 1", 0);
        malformed("{\"version\":-4,\"greeting\":\"hi\"}", "at least 1", -4);
        malformed("{\"version\":1.5,\"greeting\":\"hi\"}", "must be an integer, not 1.5", 1.5);
        malformed("{\"version\":1.0,\"greeting\":\"hi\"}", "must be an integer", 1.0);
        malformed("{\"version\":\"1\",\"greeting\":\"hi\"}", "must be an integer, not a string", null);
        malformed("{\"version\":null,\"greeting\":\"hi\"}", "must be an integer, not null", null);
        malformed("{\"version\":9007199254740992,\"greeting\":\"hi\"}", "at most", 9007199254740992L);
        malformed("{\"version\":1e400,\"greeting\":\"hi\"}", "must be an integer", new java.math.BigDecimal("1e400"));
        malformed("{\"version\":1,\"greeting\":5}", "greeting must be a string, not a number", 1);
        malformed("{\"version\":1,\"greeting\":{\"a\":1}}", "greeting must be a string, not an object", 1);
        malformed("{\"version\":1,\"greeting\":\"" + "x".repeat(257) + "\"}", "257 characters", 1);
        malformed("{\"version\":1,\"version\":2,\"greeting\":\"hi\"}", "duplicate key \"version\"", 2);
        malformed("{\"version\":1,\"greeting\":\"hi\",\"pad\":\"" + "x".repeat(70000) + "\"}", "too large", null);
        malformed("{'version':1,'greeting':'hi'}", "not JSON", null);
        malformed("{\"version\":NaN,\"greeting\":\"hi\"}", "not JSON", null);
        malformed("{\"version\":1,\"greeting\":\"hi\"} // comment", "not JSON", null);
        byte[] badUtf8 = "{\"version\":1,\"greeting\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        malformed(badUtf8, "not JSON", null);

        applier();

        if (failures.isEmpty()) {
            System.out.println("config checks: " + checks + " passed");
        } else {
            failures.forEach(f -> System.out.println("FAIL " + f));
            System.out.println("config checks: " + (checks - failures.size()) + " passed, " + failures.size() + " failed");
            System.exit(1);
        }
    }

    private static void applier() {
        ConfigApplier a = new ConfigApplier();
        expect("initial", a, 0, "", null);
        a.offer(bytes("{\"version\":1,\"greeting\":\"one\"}"), 10);
        expect("first config", a, 1, "one", null);
        a.offer(bytes("garbage"), 11);
        expect("malformed keeps serving", a, 1, "one", "malformed: not JSON");
        check("malformed zxid", a.current().rejected().zxid() == 11);
        check("malformed version null", a.current().rejected().version() == null);
        a.offer(bytes("{\"greeting\":\"one\",\"version\":1}"), 12);
        expect("same version same content: no-op, clears the rejection", a, 1, "one", null);
        a.offer(bytes("{\"version\":1,\"greeting\":\"other\"}"), 13);
        expect("same version other content", a, 1, "one", "the running version but with other content");
        a.offer(bytes("{\"version\":3,\"greeting\":\"three\"}"), 14);
        expect("higher version", a, 3, "three", null);
        a.offer(bytes("{\"version\":2,\"greeting\":\"two\"}"), 15);
        expect("lower version", a, 3, "three", "lower than the running version 3");
        check("lower version reported", a.current().rejected().version().longValue() == 2);
        a.offer(bytes("{\"version\":0,\"greeting\":\"zero\"}"), 16);
        expect("version 0", a, 3, "three", "at least 1");
        a.onDeleted();
        expect("deleted: keeps serving, forgets the rejection", a, 3, "three", null);
        a.offer(bytes("{\"version\":1,\"greeting\":\"reset\"}"), 20);
        expect("after delete any version", a, 1, "reset", null);
        a.offer(bytes("{\"version\":1,\"greeting\":\"again\"}"), 21);
        expect("gate closes again", a, 1, "reset", "other content");
    }

    private static void valid(String json, long version, String greeting) {
        try {
            FleetConfig c = FleetConfig.parse(bytes(json));
            check("valid " + shorten(json), c.version() == version && c.greeting().equals(greeting));
        } catch (FleetConfig.Malformed e) {
            check("valid " + shorten(json) + " rejected: " + e.getMessage(), false);
        }
    }

    private static void malformed(String json, String reasonPart, Number version) {
        malformed(bytes(json), reasonPart, version);
    }

    private static void malformed(byte[] data, String reasonPart, Number version) {
        String label = shorten(new String(data, StandardCharsets.ISO_8859_1));
        try {
            FleetConfig.parse(data);
            check("malformed " + label + " accepted", false);
        } catch (FleetConfig.Malformed e) {
            check("malformed " + label + ": reason '" + e.getMessage() + "' lacks '" + reasonPart + "'",
                    e.getMessage().contains(reasonPart));
            boolean versionOk = version == null ? e.version() == null
                    : e.version() != null && e.version().doubleValue() == version.doubleValue();
            check("malformed " + label + ": version " + e.version() + ", expected " + version, versionOk);
        } catch (Throwable t) {
            check("malformed " + label + " threw " + t, false);
        }
    }

    private static void expect(String label, ConfigApplier a, long version, String greeting, String rejectedPart) {
        ConfigApplier.State s = a.current();
        check(label + ": version " + s.version(), s.version() == version);
        check(label + ": greeting " + s.greeting(), s.greeting().equals(greeting));
        if (rejectedPart == null) {
            check(label + ": rejected " + s.rejected(), s.rejected() == null);
        } else {
            check(label + ": rejected " + s.rejected(), s.rejected() != null && s.rejected().reason().contains(rejectedPart));
        }
    }

    private static void check(String label, boolean ok) {
        checks++;
        if (!ok) {
            failures.add(label);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
