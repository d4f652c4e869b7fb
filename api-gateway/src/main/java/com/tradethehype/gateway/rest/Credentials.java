package com.tradethehype.gateway.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Email and password for register and login; the rules are checked in the service so each 400 says which. */
public record Credentials(@NotNull @Size(max = 254) String email,
                          @NotNull @Size(max = 200) String password) {

    @Override
    public String toString() {
        return "Credentials[email=" + email + ", password=***]";
    }
}
