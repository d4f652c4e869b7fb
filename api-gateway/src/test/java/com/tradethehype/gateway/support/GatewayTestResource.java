package com.tradethehype.gateway.support;

import com.tradethehype.devstack.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything a gateway test runs against: a real embedded PostgreSQL (devstack), stubs of the three internal
 * services on loopback, and a fresh random HS256 key written for this run only.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    /** The service token the gateway sends digest-service on subscriber changes. */
    public static final String SERVICE_TOKEN = "gateway-test-service-token-0123456789abcdef";

    private final PostgresTestResource postgres = new PostgresTestResource();
    private StubServices stubs;
    private Path keyFile;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(postgres.start());
        stubs = new StubServices();
        try {
            keyFile = Files.createTempFile("tth-test-jwt", ".jwk");
            Files.writeString(keyFile, jwk());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("tth.jwt.key-file", keyFile.toString());
        config.put("tth.digest.url", stubs.digest.url());
        config.put("tth.service.token", SERVICE_TOKEN);
        config.put("tth.ingest.url", stubs.ingest.url());
        config.put("tth.sentiment.url", stubs.sentiment.url());
        return config;
    }

    /** A random 256-bit secret as an oct JWK, the format SmallRye JWT verifies HS256 with. */
    public static String jwk() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return "{\"kty\":\"oct\",\"k\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\"}";
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(stubs, new TestInjector.AnnotatedAndMatchesType(InjectStubs.class, StubServices.class));
    }

    @Override
    public void stop() {
        if (stubs != null) {
            stubs.close();
        }
        postgres.stop();
        try {
            if (keyFile != null) {
                Files.deleteIfExists(keyFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
