package com.tradethehype.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Decides whether an {@code Authorization: Bearer ...} value is an admin credential: the configured service token
 * (compared in constant time) or an unexpired HS256 JWT from the gateway whose groups hold the admin role.
 */
public final class AdminCredentials {

    /** What a presented credential amounts to. */
    public enum Verdict {
        /** An admin: the service token or an admin JWT. */
        ADMIN,
        /** No credential at all (401). */
        MISSING,
        /** Something that is not a valid credential: unknown token, bad signature, expired, wrong issuer (401). */
        INVALID,
        /** A valid gateway JWT without the admin role (403). */
        NOT_ADMIN
    }

    private static final String BEARER = "Bearer ";

    private final byte[] tokenDigest;
    private final JwtConsumer jwt;
    private final String adminRole;

    /**
     * @param serviceToken the shared service token, if any
     * @param jwtKey       the gateway's HS256 key, if JWTs are accepted
     */
    public AdminCredentials(Optional<String> serviceToken, Optional<SecretKey> jwtKey, String issuer, String adminRole) {
        this.tokenDigest = serviceToken.map(AdminCredentials::sha256).orElse(null);
        this.jwt = jwtKey.map(key -> new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(issuer)
                .setSkipDefaultAudienceValidation()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.HMAC_SHA256)
                .build()).orElse(null);
        this.adminRole = adminRole;
    }

    /** True when at least one kind of credential can be accepted. */
    public boolean acceptsAny() {
        return tokenDigest != null || jwt != null;
    }

    /** The verdict on an {@code Authorization} header value (null when the header is absent). */
    public Verdict check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Verdict.MISSING;
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Verdict.INVALID;
        }
        String presented = authorization.substring(BEARER.length()).trim();
        if (presented.isEmpty()) {
            return Verdict.MISSING;
        }
        // digests of equal length compared with isEqual: the time taken says nothing about the token
        if (tokenDigest != null && MessageDigest.isEqual(tokenDigest, sha256(presented))) {
            return Verdict.ADMIN;
        }
        if (jwt == null) {
            return Verdict.INVALID;
        }
        try {
            JwtClaims claims = jwt.processToClaims(presented);
            List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
            return groups.contains(adminRole) ? Verdict.ADMIN : Verdict.NOT_ADMIN;
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Verdict.INVALID;
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
