package com.tradethehype.ops.config;

import com.tradethehype.ops.OpsException;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves each setting from, in order: the command-line flag, the environment, the profile file, the default.
 * Environment: TTH_OPS_STACK, TTH_OPS_REGION (then AWS_REGION), TTH_OPS_ENDPOINT, TTH_OPS_PROFILE_FILE.
 * Profile file (Java properties, default ~/.config/tth/ops.properties): stack, region, endpoint, max-attempts.
 */
public final class SettingsResolver {

    public static final String DEFAULT_STACK = "tth";

    private final Map<String, String> env;
    private final Path home;

    public SettingsResolver(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    public OpsSettings resolve(String region, String stack, String endpoint, Path profileFile, boolean dryRun) {
        Properties profile = readProfile(profileFile);
        String r = first(region, env.get("TTH_OPS_REGION"), env.get("AWS_REGION"), profile.getProperty("region"));
        if (r == null) {
            throw new OpsException(OpsException.CONFIG, "no AWS region: pass --region, set AWS_REGION, or put region=... in "
                    + profilePath(profileFile));
        }
        String s = first(stack, env.get("TTH_OPS_STACK"), profile.getProperty("stack"), DEFAULT_STACK);
        String e = first(endpoint, env.get("TTH_OPS_ENDPOINT"), profile.getProperty("endpoint"));
        String attempts = first(env.get("TTH_OPS_MAX_ATTEMPTS"), profile.getProperty("max-attempts"), "3");
        try {
            return new OpsSettings(r, s, e == null ? null : URI.create(e), Integer.parseInt(attempts.trim()), dryRun);
        } catch (IllegalArgumentException ex) {
            throw new OpsException(OpsException.CONFIG, "invalid endpoint or max-attempts: " + ex.getMessage());
        }
    }

    private Properties readProfile(Path explicit) {
        Path path = profilePath(explicit);
        Properties properties = new Properties();
        if (!Files.exists(path)) {
            if (explicit != null || env.get("TTH_OPS_PROFILE_FILE") != null) {
                throw new OpsException(OpsException.CONFIG, "profile file " + path + " does not exist");
            }
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
            return properties;
        } catch (IOException ex) {
            throw new OpsException(OpsException.CONFIG, "cannot read profile file " + path + ": " + ex.getMessage());
        }
    }

    private Path profilePath(Path explicit) {
        if (explicit != null) {
            return explicit;
        }
        String fromEnv = env.get("TTH_OPS_PROFILE_FILE");
        return fromEnv != null ? Path.of(fromEnv) : home.resolve(".config/tth/ops.properties");
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }
}
