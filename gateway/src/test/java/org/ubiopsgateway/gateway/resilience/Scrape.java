package org.ubiopsgateway.gateway.resilience;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** Reads one sample from the gateway's Prometheus endpoint, as a dashboard would. */
final class Scrape {

    private Scrape() {
    }

    /** The sum of all samples of {@code name} whose labels contain every one of {@code labels}. */
    static double sum(String name, String... labels) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$").matcher(metrics);
        double total = 0;
        while (m.find()) {
            String found = m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }
}
