package com.tradethehype.gateway.rest;

import io.vertx.core.http.HttpServerRequest;

/**
 * The caller's IP for rate limits: the socket's peer, or X-Forwarded-For's first hop only when
 * {@code quarkus.http.proxy.proxy-address-forwarding} is on (behind a load balancer that sets it).
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        var address = request.remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }
}
