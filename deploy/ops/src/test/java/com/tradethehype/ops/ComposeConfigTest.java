package com.tradethehype.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml keeps matching the services: Debian's docker-compose accepts it (config -q, no daemon needed),
 * container ports are the services' quarkus.http.port, every TTH_* key it sets is read by the service, and every
 * host/port/endpoint/url infrastructure key a service reads is set (its default points at localhost).
 */
@SuppressWarnings("unchecked")
class ComposeConfigTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("ingest-service", "sentiment-service", "digest-service", "api-gateway");

    static Map<String, Object> compose;
    static Map<String, Object> services;

    @BeforeAll
    static void load() throws IOException {
        compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Object>) compose.get("services");
    }

    static Properties properties(String service) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    static String propertiesText(String service) throws IOException {
        return Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.properties"));
    }

    static Map<String, Object> environment(String service) {
        Object env = ((Map<String, Object>) services.get(service)).get("environment");
        return env == null ? Map.of() : (Map<String, Object>) env;
    }

    /** TTH_DB_HOST -> tth.db.host, the property the variable overrides. */
    static String propertyOf(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** Whether the service has the database-url module, which reads TTH_DB_URL (tth.db.url) for its datasource. */
    static boolean readsDatabaseUrl(String service) throws IOException {
        return Files.readString(ROOT.resolve(service).resolve("pom.xml")).contains("<artifactId>database-url</artifactId>");
    }

    /** Whether a @ConfigMapping default of the service names the variable, as in @WithDefault("${TTH_DIGEST_URL:...}"). */
    static boolean javaReads(String service, String variable) throws IOException {
        try (var files = Files.walk(ROOT.resolve(service).resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains("${" + variable)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the service reads the variable: as the tth.* property it overrides or literally as ${TTH_...}. */
    static boolean reads(String service, String variable) throws IOException {
        if (variable.equals("TTH_DB_URL")) {
            return readsDatabaseUrl(service);
        }
        if (javaReads(service, variable)) {
            return true;
        }
        String text = propertiesText(service);
        String property = propertyOf(variable);
        return properties(service).containsKey(property) || text.contains("${" + property) || text.contains("${" + variable)
                || text.contains("${" + property.replace("tth.jwt.key.file", "tth.jwt.key-file"));
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        boolean installed = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            installed |= Files.isExecutable(Path.of(dir, "docker-compose"));
        }
        Assumptions.assumeTrue(installed, "docker-compose is not installed (.ci/run installs Debian's); skipping config -q");
        Process p = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config", "-q").directory(ROOT.toFile())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "docker-compose config timed out");
        assertEquals(0, p.exitValue(), output);
    }

    @Test
    void onlyTheGatewayAndTheMailUiPublishAPort() {
        List<String> published = services.entrySet().stream()
                .filter(e -> ((Map<String, Object>) e.getValue()).get("ports") != null).map(Map.Entry::getKey)
                .sorted().toList();
        assertEquals(List.of("api-gateway", "mailpit"), published);
    }

    @Test
    void containerPortsAreTheServicesHttpPorts() throws IOException {
        for (String service : SERVICES) {
            Map<String, Object> definition = (Map<String, Object>) services.get(service);
            String port = properties(service).getProperty("quarkus.http.port");
            if (service.equals("api-gateway")) {
                List<Object> ports = (List<Object>) definition.get("ports");
                assertEquals(List.of(port + ":" + port), ports.stream().map(String::valueOf).toList(), service);
            } else {
                assertEquals(null, definition.get("ports"), service + " is internal: no published port");
                List<Object> expose = (List<Object>) definition.get("expose");
                assertEquals(List.of(port), expose.stream().map(String::valueOf).toList(), service);
            }
            for (String dockerfile : List.of("Dockerfile.jvm", "Dockerfile.native")) {
                Path file = ROOT.resolve(service).resolve("src/main/docker").resolve(dockerfile);
                if (Files.exists(file)) {
                    Matcher expose = Pattern.compile("(?m)^EXPOSE (\\d+)").matcher(Files.readString(file));
                    assertTrue(expose.find(), file + " exposes no port");
                    assertEquals(port, expose.group(1), file.toString());
                }
            }
        }
    }

    @Test
    void everyVariableComposeSetsIsReadByAService() throws IOException {
        Set<String> shared = ((Map<String, Object>) compose.get("x-infra")).keySet();
        List<String> unread = new ArrayList<>();
        for (String service : SERVICES) {
            for (String variable : environment(service).keySet()) {
                if (!variable.startsWith("TTH_") || reads(service, variable)) {
                    continue;
                }
                boolean readElsewhere = false;
                for (String other : SERVICES) {
                    readElsewhere |= reads(other, variable);
                }
                if (!(shared.contains(variable) && readElsewhere)) {
                    unread.add(service + " " + variable);
                }
            }
        }
        assertEquals(List.of(), unread, "set in docker-compose.yml but read by no service (typo or stale key)");
    }

    @Test
    void everyInfrastructureAddressAServiceReadsIsSet() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES) {
            Set<String> set = new HashSet<>();
            environment(service).keySet().forEach(v -> set.add(propertyOf(v)));
            if (set.contains("tth.db.url") && readsDatabaseUrl(service)) {
                set.addAll(List.of("tth.db.host", "tth.db.port")); // the URL replaces them
            }
            for (String key : properties(service).stringPropertyNames()) {
                if (key.matches("tth\\.[a-z]+\\.(host|port|endpoint|url)") && !set.contains(key)) {
                    missing.add(service + " " + key.toUpperCase(Locale.ROOT).replace('.', '_'));
                }
            }
        }
        assertEquals(List.of(), missing, "a service would talk to localhost inside its container");
    }

    @Test
    void everyServiceWithADatabaseGetsOneUrlWithAnExplicitPassword() throws IOException {
        for (String service : SERVICES) {
            boolean database = properties(service).containsKey("quarkus.datasource.db-kind");
            Object url = environment(service).get("TTH_DB_URL");
            if (!database) {
                continue;
            }
            assertTrue(readsDatabaseUrl(service), service + " has a database but not the database-url module");
            assertTrue(url != null, service + " gets no TTH_DB_URL");
            java.net.URI uri = java.net.URI.create(String.valueOf(url));
            assertEquals("postgresql", uri.getScheme(), service);
            assertTrue(uri.getUserInfo() != null && uri.getUserInfo().contains(":"),
                    service + ": production has no default password, compose must pass one");
            assertEquals("postgres", uri.getHost(), service + " must reach the compose database by its service name");
        }
    }

    @Test
    void noServiceHasADefaultDatabasePasswordOutsideDevAndTest() throws IOException {
        for (String service : SERVICES) {
            Properties p = properties(service);
            assertTrue(!p.containsKey("tth.db.password") && !p.containsKey("%prod.tth.db.password"),
                    service + " sets a database password for production");
            String datasource = p.getProperty("quarkus.datasource.password");
            assertTrue(datasource == null || datasource.equals("${tth.db.password:}"),
                    service + ": quarkus.datasource.password=" + datasource + " (only ${tth.db.password:}, no default)");
        }
    }
}
