package com.tradethehype.digest.rest;

import com.tradethehype.digest.mail.UnsubscribeTokens;
import com.tradethehype.digest.repository.SubscriberRepository;
import com.tradethehype.web.ProblemResponse;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The one-click unsubscribe link of every digest mail. GET (a click) and POST (RFC 8058 one-click from the mail
 * client) both deactivate the subscriber the signed token names; a tampered or expired token is refused.
 */
@Path("/unsubscribe")
public class UnsubscribeResource {

    private static final String DONE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribed</title></head>
            <body style="font-family:Arial,sans-serif;margin:40px;"><h1>You are unsubscribed</h1>
            <p>TradeTheHype will not send you the daily digest any more. Sign in to the dashboard to subscribe again.</p>
            </body></html>""";

    private final UnsubscribeTokens tokens;
    private final SubscriberRepository subscribers;

    public UnsubscribeResource(UnsubscribeTokens tokens, SubscriberRepository subscribers) {
        this.tokens = tokens;
        this.subscribers = subscribers;
    }

    @GET
    public Uni<Response> click(@QueryParam("token") String token) {
        return unsubscribe(token);
    }

    @POST
    public Uni<Response> oneClick(@QueryParam("token") String token) {
        return unsubscribe(token);
    }

    private Uni<Response> unsubscribe(String token) {
        var id = tokens.verify(token);
        if (id.isEmpty()) {
            return Uni.createFrom().item(ProblemResponse.of(Response.Status.BAD_REQUEST,
                    "token is invalid or expired; use the link of a recent digest mail"));
        }
        return subscribers.update(id.getAsLong(), false, null).map(s -> s.isEmpty()
                ? ProblemResponse.of(Response.Status.NOT_FOUND, "the subscriber of this link no longer exists")
                : Response.ok(DONE, MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).build());
    }
}
