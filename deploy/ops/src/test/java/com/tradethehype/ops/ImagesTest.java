package com.tradethehype.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the images without a Docker engine: every file a Dockerfile copies exists in the build
 * context compose gives it (or is made by the Maven build under target/), and sentiment's image carries the shipped
 * model and unpacked libtorch, runs offline, and fits its JVM and FinBERT into the stack's 2 GB task.
 */
@SuppressWarnings("unchecked")
class ImagesTest {

    static final Path ROOT = ComposeConfigTest.ROOT;
    static final Path SENTIMENT = ROOT.resolve("sentiment-service/src/main/docker/Dockerfile.jvm");

    /** COPY sources of the build context (not --from another stage), one per element. */
    static List<String> copySources(String dockerfile) {
        List<String> sources = new ArrayList<>();
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(?:--chown=\\S+ )?(.+) \\S+$").matcher(dockerfile);
        while (copy.find()) {
            sources.addAll(List.of(copy.group(1).trim().split("\\s+")));
        }
        return sources;
    }

    @Test
    void everyFileAnImageCopiesIsInItsComposeBuildContext() throws IOException {
        ComposeConfigTest.load();
        List<String> missing = new ArrayList<>();
        for (String service : ComposeConfigTest.SERVICES) {
            Map<String, Object> build = (Map<String, Object>) ((Map<String, Object>) ComposeConfigTest.services.get(service)).get("build");
            Path context = ROOT.resolve(String.valueOf(build.get("context"))).normalize();
            Path dockerfile = context.resolve(String.valueOf(build.get("dockerfile")));
            assertTrue(Files.isRegularFile(dockerfile), service + ": " + dockerfile);
            for (String source : copySources(Files.readString(dockerfile))) {
                Path path = context.resolve(source.replace("*.jar", "")).normalize();
                boolean builtByMaven = ROOT.relativize(path).toString().matches("[a-z-]+/target/quarkus-app(/.*)?");
                if (!builtByMaven && !Files.exists(path)) {
                    missing.add(service + " " + source);
                }
            }
        }
        assertEquals(List.of(), missing, "copied by a Dockerfile but not in its build context");
    }

    @Test
    void sentimentsImageCarriesTheShippedModelAndUnpackedLibtorchAndRunsOffline() throws IOException {
        String dockerfile = Files.readString(SENTIMENT);
        assertTrue(copySources(dockerfile).contains("models/tth-finbert-mini/"));
        for (String file : List.of("model.pt", "tokenizer.json", "config.json")) {
            assertTrue(Files.isRegularFile(ROOT.resolve("models/tth-finbert-mini").resolve(file)), file);
        }
        assertTrue(dockerfile.contains("COPY --from=natives --chown=185 /opt/djl/ /var/cache/djl/"), "libtorch unpacked at build");
        assertTrue(Files.isRegularFile(SENTIMENT.resolveSibling("unpack-natives.jsh")));
        assertTrue(dockerfile.contains("ls /opt/djl/pytorch/*/libtorch_cpu.so"), "the build fails if nothing was unpacked");
        assertTrue(dockerfile.contains("DJL_CACHE_DIR=/var/cache/djl") && dockerfile.contains("DJL_OFFLINE=true"));
        assertTrue(dockerfile.contains("ARG MODEL_LOCATION=/app/models/tth-finbert-mini"));
        assertTrue(dockerfile.contains("ARG FINBERT=no"));
    }

    @Test
    void sentimentsJvmLeavesFinbertRoomInTheTwoGigabyteTask() throws Exception {
        StackTemplateTest.load();
        Matcher opts = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(Files.readString(SENTIMENT));
        assertTrue(opts.find());
        String flags = opts.group(1);
        long jvm = megabytes(flags, "-Xmx") + megabytes(flags, "-XX:MaxMetaspaceSize=")
                + megabytes(flags, "-XX:ReservedCodeCacheSize=") + megabytes(flags, "-XX:MaxDirectMemorySize=");
        long finbert = 420 + 500; // fp32 weights + activations of a 32 x 512-token pass, outside the heap
        long task = Long.parseLong(String.valueOf(StackTemplateTest.props("SentimentTaskDefinition").get("Memory")));
        assertTrue(jvm + finbert + 100 <= task, "JVM bound " + jvm + " MB + FinBERT " + finbert + " MB + 100 MB threads vs " + task);
        assertTrue(flags.contains("-XX:+ExitOnOutOfMemoryError"));
    }

    static long megabytes(String flags, String flag) {
        Matcher m = Pattern.compile(Pattern.quote(flag) + "(\\d+)([mMgG])").matcher(flags);
        assertTrue(m.find(), "JAVA_OPTS bounds no " + flag);
        return Long.parseLong(m.group(1)) * (m.group(2).equalsIgnoreCase("g") ? 1024 : 1);
    }
}
