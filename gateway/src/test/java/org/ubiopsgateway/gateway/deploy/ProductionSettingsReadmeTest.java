package org.ubiopsgateway.gateway.deploy;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Run in production" table of docs/operations.md is the gateway's configuration: every setting of its own and every one
 * deploy/ sets, each with the production default the code has. On a mismatch the message is the table's expected
 * first two columns, ready to paste.
 */
@QuarkusTest
class ProductionSettingsReadmeTest {

    private static final Pattern SECTION = Pattern.compile("(?s)\n## Run in production\n(.*?)(\n## |$)");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\| ([^|]*?) \\|");
    private static final Pattern DEPLOY_ENV = Pattern.compile("(?m)^\\s*-? ?(?:name: )?([A-Z][A-Z0-9_]+)[:=]");

    @Test
    void theReadmeTableListsWhatTheGatewayReadsWithItsDefaults() {
        ConfigSurface surface = new ConfigSurface();
        Map<String, String> expected = new TreeMap<>();
        surface.all().filter(ConfigSurface.Property::gateways).filter(p -> !p.name().contains("*"))
                .forEach(p -> expected.put(ConfigSurface.envName(p.name()), cell(p.value())));
        for (var file : DeployFiles.files(".yaml", ".env.example")) {
            DeployFiles.all(DEPLOY_ENV, DeployFiles.text(file)).stream().filter(env -> surface.readFrom(env).isPresent())
                    .forEach(env -> expected.put(env, cell(surface.readFrom(env).orElseThrow().value())));
        }

        Matcher section = SECTION.matcher(DeployFiles.text(DeployFiles.ROOT.resolve("docs/operations.md")));
        assertTrue(section.find(), "docs/operations.md has a \"## Run in production\" section");
        Map<String, String> table = new TreeMap<>();
        // "— (required)": no default, and a word on it.
        ROW.matcher(section.group(1)).results()
                .forEach(r -> table.put(r.group(1), r.group(2).strip().replaceFirst("^— \\(.*\\)$", "—")));

        Set<String> extra = new TreeSet<>(table.keySet());
        extra.removeAll(expected.keySet());
        extra.removeIf(env -> surface.readFrom(env).map(p -> cell(p.value()).equals(table.get(env))).orElse(false));
        Map<String, String> listed = new TreeMap<>(table);
        listed.keySet().retainAll(expected.keySet());
        assertEquals(Set.of(), extra, "rows in docs/operations.md that the gateway does not read, or with another default");
        assertEquals(render(expected), render(listed), "docs/operations.md \"Run in production\" table, expected rows:\n" + render(expected));
    }

    private static String cell(String value) {
        return value == null ? "—" : "`" + value + "`";
    }

    private static String render(Map<String, String> rows) {
        return rows.entrySet().stream().map(e -> "| `" + e.getKey() + "` | " + e.getValue() + " | |")
                .collect(Collectors.joining("\n"));
    }
}
