package com.tradethehype.gateway.rest;

import com.tradethehype.gateway.client.DigestClient;
import com.tradethehype.gateway.client.Downstream;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The digest mail's one-click unsubscribe link, on the public door: no sign-in (the link's signed token is the
 * credential, checked by digest-service); GET for a click, POST for mail clients' RFC 8058 one-click.
 */
@Path("/unsubscribe")
@PermitAll
public class UnsubscribeResource {

    private final DigestClient digest;

    public UnsubscribeResource(@RestClient DigestClient digest) {
        this.digest = digest;
    }

    @GET
    public Response click(@QueryParam("token") String token) {
        String page = Downstream.call("digest-service", () -> digest.unsubscribe(token));
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).build();
    }

    @POST
    public Response oneClick(@QueryParam("token") String token) {
        return click(token);
    }
}
