package org.ubiopsgateway.gateway.deploy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes quantities (512Mi, 1Gi, 250m, 1) and Quarkus memory sizes (512M, binary as Quarkus reads it). */
final class Quantities {

    private static final Pattern QUANTITY = Pattern.compile("^(\\d+(?:\\.\\d+)?)([a-zA-Z]*)$");
    private static final Map<String, Double> FACTORS = Map.ofEntries(
            Map.entry("", 1d), Map.entry("m", 1e-3), Map.entry("k", 1e3), Map.entry("K", 1024d),
            Map.entry("M", 1048576d), Map.entry("G", 1073741824d),
            Map.entry("Ki", 1024d), Map.entry("Mi", 1048576d), Map.entry("Gi", 1073741824d));

    private Quantities() {
    }

    static double amount(String quantity) {
        Matcher m = QUANTITY.matcher(quantity.strip());
        if (!m.matches() || !FACTORS.containsKey(m.group(2))) {
            throw new AssertionError("not a quantity: " + quantity);
        }
        return Double.parseDouble(m.group(1)) * FACTORS.get(m.group(2));
    }

    static long bytes(String quantity) {
        return (long) amount(quantity);
    }
}
