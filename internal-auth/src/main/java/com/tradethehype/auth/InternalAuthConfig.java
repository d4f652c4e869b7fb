package com.tradethehype.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Which admin credentials a service's state-changing endpoints accept. */
@ConfigMapping(prefix = "tth.internal-auth")
public interface InternalAuthConfig {

    /** Shared service token callers send as {@code Authorization: Bearer <token>} (TTH_SERVICE_TOKEN); 32+ characters. */
    Optional<String> serviceToken();

    /** The gateway's {@code oct} JWK file (TTH_JWT_KEY_FILE): JWTs it signed with the admin role are accepted. */
    Optional<String> jwtKeyFile();

    /** Issuer the gateway writes into its tokens; others are refused. */
    @WithDefault("https://tradethehype.local/gateway")
    String jwtIssuer();

    /** The role (JWT {@code groups}) that may change things. */
    @WithDefault("admin")
    String adminRole();
}
