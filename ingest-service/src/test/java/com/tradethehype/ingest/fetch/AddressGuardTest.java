package com.tradethehype.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which addresses a feed may live at, after DNS: only public unicast ones (loopback when allowed). */
class AddressGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
            "2a00:1450:4001:81a::200e"})
    void publicAddressesPass(String address) throws UnknownHostException {
        assertNull(AddressGuard.kindOf(InetAddress.getByName(address)));
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback", "127.4.5.6, loopback", "::1, loopback",
            "10.0.0.1, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.1, private",
            "169.254.169.254, link-local", "169.254.170.2, link-local", "fe80::1, link-local",
            "fd00:ec2::254, private (unique local)", "fc00::1, private (unique local)",
            "0.0.0.0, unspecified", "::, unspecified", "0.1.2.3, this-network",
            "224.0.0.1, multicast", "ff02::1, multicast", "100.64.0.1, shared (carrier-grade NAT)",
            "192.0.0.170, IETF protocol assignment", "198.18.0.1, benchmarking", "192.0.2.1, documentation",
            "2001:db8::1, documentation", "240.0.0.1, reserved", "255.255.255.255, reserved",
            "::ffff:169.254.169.254, link-local", "::ffff:127.0.0.1, loopback",
            "64:ff9b::a9fe:a9fe, link-local (inside IPv6)", "2002:c0a8:0101::1, private (inside IPv6)",
            "::10.0.0.1, private (inside IPv6)"})
    void specialPurposeAddressesAreNamed(String address, String kind) throws UnknownHostException {
        assertEquals(kind, AddressGuard.kindOf(InetAddress.getByName(address)));
    }

    @Test
    void aHostNameResolvingToLoopbackIsRefusedUnlessLoopbackIsAllowed() throws UnknownHostException {
        var strict = new AddressGuard(false, List.of(), InetAddress::getAllByName);
        var refusal = strict.check(URI.create("http://localhost:9400/feed.xml"));
        assertTrue(refusal.isPresent());
        assertTrue(refusal.get().detail().endsWith("is loopback"), refusal.get().detail());
        assertTrue(strict.check(URI.create("http://[::1]:9400/feed.xml")).isPresent());
        assertTrue(strict.check(URI.create("http://127.0.0.1/feed.xml")).isPresent());

        var replay = new AddressGuard(true, List.of(), InetAddress::getAllByName);
        assertTrue(replay.check(URI.create("http://localhost:9400/feed.xml")).isEmpty());
        assertTrue(replay.check(URI.create("http://169.254.169.254/latest/meta-data/")).isPresent(),
                "allowing loopback allows nothing else");
        assertTrue(replay.check(URI.create("http://[fe80::1]/")).isPresent());
    }

    @Test
    void oneNonPublicAddressAmongSeveralRefusesTheHost() throws UnknownHostException {
        var guard = new AddressGuard(false, List.of(), host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")});
        var refusal = guard.check(URI.create("https://feeds.example.com/rss"));
        assertTrue(refusal.isPresent());
        assertEquals("feeds.example.com", refusal.get().host());
        assertEquals("10.0.0.7 is private", refusal.get().detail());
    }

    @Test
    void trustedHostsAreFetchedByNameOnlyAndUnknownHostsAreReported() throws UnknownHostException {
        var guard = new AddressGuard(false, List.of("Intranet.Example"),
                host -> new InetAddress[] {InetAddress.getByName("10.1.1.1")});
        assertTrue(guard.check(URI.create("http://intranet.example/feed")).isEmpty());
        assertTrue(guard.check(URI.create("http://10.1.1.1/feed")).isPresent());

        var none = new AddressGuard(false, List.of(), host -> {
            throw new UnknownHostException(host);
        });
        assertThrows(UnknownHostException.class, () -> none.check(URI.create("http://nowhere.invalid/")));
    }
}
