package com.tradethehype.web;

import io.vertx.ext.web.Router;

/**
 * Answers a request whose declared body ({@code Content-Length}) is over a limit with a 413 problem before any of
 * it is read, so it gets the same problem+json body as every other error. A chunked body without a length still
 * meets the HTTP layer's own limit, which answers a bare 413.
 */
public final class DeclaredBodyLimit {

    private DeclaredBodyLimit() {
    }

    /** Installs the check ahead of every other route of {@code router}; {@code detail} is the problem's detail. */
    public static void install(Router router, long limit, String detail) {
        String body = "{\"type\":\"about:blank\",\"title\":\"Request Entity Too Large\",\"status\":413,"
                + "\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        router.route().order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && tooLong(length, limit)) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json")
                        .putHeader("Connection", "close").end(body);
                return;
            }
            ctx.next();
        });
    }

    private static boolean tooLong(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
