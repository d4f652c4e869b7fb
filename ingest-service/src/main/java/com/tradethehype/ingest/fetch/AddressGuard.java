package com.tradethehype.ingest.fetch;

import com.tradethehype.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps feed fetches on the public internet: a host is fetched only if every address it resolves to is public, so a
 * source or a redirect cannot reach the host itself (loopback, unless allowed for replay and tests), the private
 * network (RFC 1918, IPv6 ULA), link-local addresses (169.254.169.254, the cloud metadata service, and fe80::/10) or
 * any other special-purpose range. The JVM caches what it resolved here (30 s by default), and the HTTP client that
 * connects right after reads that cache, so the address checked is the address connected to.
 */
@ApplicationScoped
public class AddressGuard {

    /** Resolves a host name to all of its addresses. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A host whose addresses are not all public; {@code detail} (the address and its kind) is for the log only. */
    public record Refusal(String host, String detail) {
    }

    private static final String LOOPBACK = "loopback";

    private final boolean allowLoopback;
    private final Set<String> trustedHosts;
    private final Resolver resolver;

    @Inject
    public AddressGuard(IngestConfig config) {
        this(config.network().allowLoopback(), config.network().trustedHosts().orElse(List.of()),
                InetAddress::getAllByName);
    }

    AddressGuard(boolean allowLoopback, List<String> trustedHosts, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.trustedHosts = trustedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /**
     * Empty when {@code url}'s host may be fetched, else why not.
     *
     * @throws UnknownHostException when the host does not resolve at all
     */
    public Optional<Refusal> check(URI url) throws UnknownHostException {
        String host = url.getHost() == null ? "" : url.getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (trustedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        for (InetAddress address : resolver.resolve(bare)) {
            String kind = kindOf(address);
            if (kind != null && !(allowLoopback && kind.equals(LOOPBACK))) {
                return Optional.of(new Refusal(host, address.getHostAddress() + " is " + kind));
            }
        }
        return Optional.empty();
    }

    /** Null for a public unicast address, else the kind of special-purpose address it is. */
    static String kindOf(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return LOOPBACK;
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? kindOfV4(b) : kindOfV6((Inet6Address) address, b);
    }

    private static String kindOfV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return "this-network";
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return "shared (carrier-grade NAT)";
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) { // 192.0.0.0/24
            return "IETF protocol assignment";
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return "benchmarking";
        }
        int third = b[2] & 0xff;
        if ((first == 192 && second == 0 && third == 2) || (first == 198 && second == 51 && third == 100)
                || (first == 203 && second == 0 && third == 113)) {
            return "documentation";
        }
        if (first >= 240) {
            return "reserved";
        }
        return null;
    }

    private static String kindOfV6(Inet6Address address, byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return "private (unique local)";
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return "private (site-local)";
        }
        if (first == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return "documentation";
        }
        if (first == 0x01 && b[1] == 0 && allZero(b, 2, 8)) {
            return "discard-only";
        }
        // an IPv4 address inside an IPv6 one reaches that IPv4 address: judge it
        byte[] embedded = null;
        boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        if (address.isIPv4CompatibleAddress() || mapped) {
            embedded = Arrays.copyOfRange(b, 12, 16);
        } else if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            embedded = Arrays.copyOfRange(b, 12, 16); // NAT64 64:ff9b::/96
        } else if (first == 0x20 && (b[1] & 0xff) == 0x02) {
            embedded = Arrays.copyOfRange(b, 2, 6); // 6to4 2002::/16
        }
        if (embedded != null) {
            try {
                String kind = kindOf(InetAddress.getByAddress(embedded));
                return kind == null ? null : kind + " (inside IPv6)";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("four bytes are always an IPv4 address", e);
            }
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
