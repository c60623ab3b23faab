package org.ubiopsgateway.gateway.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubiopsgateway.gateway.deploy.DeployFiles.DEPLOY;
import static org.ubiopsgateway.gateway.deploy.DeployFiles.stream;

/** deploy/compose.yaml: the services reach each other on the ports they listen on, with settings the gateway reads. */
@QuarkusTest
class LocalStackTest {

    private static final JsonNode SERVICES = DeployFiles.yaml("compose.yaml").path("services");

    @Test
    void theStackHasEveryPart() {
        Set<String> names = new TreeSet<>();
        SERVICES.fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("gateway", "emulator", "redis", "prometheus", "grafana"), names);
    }

    @Test
    void portsAndAddressesAgree() {
        int port = KubernetesManifestsTest.httpPort();
        assertTrue(stream(SERVICES.at("/gateway/ports")).anyMatch(p -> p.asText().endsWith(":" + port)));
        String emulatorPort = DeployFiles.all(Pattern.compile("(?m)^EXPOSE (\\d+)"),
                DeployFiles.text(DockerfilesTest.EMULATOR)).get(0);
        assertTrue(DeployFiles.text(DockerfilesTest.EMULATOR).contains("\"--port\", \"" + emulatorPort + "\""));
        assertEquals("http://emulator:" + emulatorPort + "/v2.1", SERVICES.at("/gateway/environment/UBIOPS_API_URL").asText());
        assertEquals(SERVICES.at("/emulator/command/1").asText(), SERVICES.at("/gateway/environment/UBIOPS_API_TOKEN").asText(),
                "the gateway holds the emulator's token");
        JsonNode scrape = DeployFiles.yaml("compose/prometheus.yml").at("/scrape_configs/0");
        assertEquals("/q/metrics", scrape.path("metrics_path").asText());
        assertEquals("gateway:" + port, scrape.at("/static_configs/0/targets/0").asText());
    }

    @Test
    void everyGatewaySettingIsOneTheGatewayReads() {
        ConfigSurface surface = new ConfigSurface();
        Set<String> names = new TreeSet<>();
        SERVICES.at("/gateway/environment").fieldNames().forEachRemaining(names::add);
        List<String> unknown = names.stream().filter(n -> surface.readFrom(n).isEmpty()).toList();
        assertEquals(List.of(), unknown, "environment variables in deploy/compose.yaml the gateway never reads");
    }

    @Test
    void mountedFilesExistAndTheGatewayRunsReadOnly() {
        SERVICES.fields().forEachRemaining(service -> stream(service.getValue().path("volumes")).forEach(volume -> {
            Path host = DEPLOY.resolve(volume.asText().split(":")[0]).normalize();
            assertTrue(Files.exists(host), service.getKey() + " mounts " + host + ", which does not exist");
        }));
        assertTrue(SERVICES.at("/gateway/read_only").asBoolean());
        assertTrue(stream(SERVICES.at("/gateway/tmpfs")).anyMatch(t -> t.asText().equals(
                DockerfilesTest.tmpdir(DockerfilesTest.JVM))), "the upload spool is writable");
    }

    @Test
    void grafanaIsProvisionedWithPrometheusAndTheDashboard() {
        JsonNode datasource = DeployFiles.yaml("compose/grafana/provisioning/datasources/prometheus.yaml").at("/datasources/0");
        assertEquals("prometheus", datasource.path("type").asText());
        assertTrue(datasource.path("url").asText().startsWith("http://prometheus:"));
        String dashboards = DeployFiles.yaml("compose/grafana/provisioning/dashboards/ubiops-gateway.yaml")
                .at("/providers/0/options/path").asText();
        assertTrue(stream(SERVICES.at("/grafana/volumes")).anyMatch(v -> v.asText().equals("./grafana:" + dashboards + ":ro")),
                "the provider's folder is the mounted deploy/grafana");
        DashboardTest.dashboard().findValuesAsText("uid").stream().filter(uid -> !uid.equals("ubiops-gateway"))
                .forEach(uid -> assertEquals(datasource.path("uid").asText(), uid, "panels use the provisioned data source"));
    }
}
