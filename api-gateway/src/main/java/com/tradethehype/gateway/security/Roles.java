package com.tradethehype.gateway.security;

import com.tradethehype.gateway.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is an admin: decided at each sign-in from configuration, so promoting or demoting needs no migration. */
@ApplicationScoped
public class Roles {

    public static final String USER = "user";
    public static final String ADMIN = "admin";

    private final Set<String> adminEmails;

    public Roles(AuthConfig config) {
        adminEmails = config.adminEmails().orElse(List.of()).stream()
                .map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()).collect(Collectors.toSet());
    }

    public String of(String email) {
        return adminEmails.contains(email) ? ADMIN : USER;
    }
}
