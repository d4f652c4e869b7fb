package com.tradethehype.auth;

import com.tradethehype.web.ProblemResponse;
import io.quarkus.logging.Log;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Guards endpoints marked {@link AdminOnly}: no or an invalid credential is a 401, a valid non-admin JWT a 403,
 * both as problem+json; the credential itself never reaches the log.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminFilter implements ContainerRequestFilter {

    // looked up per request: REST providers are built at static init, before runtime configuration exists
    private final Instance<InternalAuth> auth;

    public AdminFilter(Instance<InternalAuth> auth) {
        this.auth = auth;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var verdict = auth.get().credentials().check(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Response refusal = switch (verdict) {
            case ADMIN -> null;
            case MISSING -> unauthorized("this change needs an admin credential: Authorization: Bearer <service "
                    + "token or the gateway's admin JWT>");
            case INVALID -> unauthorized("the credential is not valid (unknown token, bad signature, wrong issuer "
                    + "or expired)");
            case NOT_ADMIN -> ProblemResponse.of(Response.Status.FORBIDDEN, "this change needs the admin role");
        };
        if (refusal != null) {
            Log.infof("Refused %s %s: %s", request.getMethod(), request.getUriInfo().getRequestUri().getPath(),
                    verdict);
            request.abortWith(refusal);
        }
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(ProblemResponse.of(Response.Status.UNAUTHORIZED, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
