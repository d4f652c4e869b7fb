package com.tradethehype.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradethehype.gateway.Account;
import com.tradethehype.gateway.client.DigestClient;
import com.tradethehype.gateway.client.DownstreamException;
import com.tradethehype.gateway.client.SubscriberRequest;
import com.tradethehype.gateway.repository.AccountRepository;
import com.tradethehype.gateway.security.RateLimits;
import com.tradethehype.gateway.security.Roles;
import com.tradethehype.gateway.security.TokenIssuer;
import com.tradethehype.gateway.security.TokenIssuer.IssuedToken;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Register, sign in, delete: the account lives here, its digest subscription in digest-service. Logs name accounts
 * by id, never by password or token.
 */
@ApplicationScoped
public class AccountService {

    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final Roles roles;
    private final RateLimits limits;
    private final DigestClient digest;

    public AccountService(AccountRepository accounts, PasswordPolicy policy, PasswordHasher hasher, TokenIssuer tokens,
                          Roles roles, RateLimits limits, @RestClient DigestClient digest) {
        this.accounts = accounts;
        this.policy = policy;
        this.hasher = hasher;
        this.tokens = tokens;
        this.roles = roles;
        this.limits = limits;
        this.digest = digest;
    }

    /** Creates the account and its subscriber (opted in, empty watchlist) and signs the caller in. */
    public Session register(String rawEmail, String password, String ip) {
        limits.attemptFromIp(ip);
        String email = Emails.normalise(rawEmail);
        policy.check(password, email);
        if (accounts.byEmail(email).isPresent()) {
            throw new Problems.EmailTaken();
        }
        String hash = hasher.hash(password);
        String subscriberId = subscriberFor(email);
        Account account = new Account(UUID.randomUUID(), email, hash, subscriberId, Instant.now());
        if (!accounts.insert(account)) {
            throw new Problems.EmailTaken();
        }
        Log.infof("Registered account %s (subscriber %s)", account.id(), subscriberId);
        return new Session(account, tokens.issue(account, roles.of(email)));
    }

    /** Signs in; 429 past the per-IP or per-account limits, checked before the password is. */
    public Session login(String rawEmail, String password, String ip) {
        limits.attemptFromIp(ip);
        String email = Emails.normaliseForLookup(rawEmail);
        limits.checkAccount(email);
        Account account = accounts.byEmail(email).orElse(null);
        if (!hasher.matches(password == null ? "" : password, account == null ? null : account.passwordHash())) {
            limits.loginFailed(email);
            throw new Problems.BadCredentials();
        }
        limits.loginSucceeded(email);
        return new Session(account, tokens.issue(account, roles.of(email)));
    }

    public Account byId(String subject) {
        UUID id;
        try {
            id = UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw new Problems.AccountGone();
        }
        return accounts.byId(id).orElseThrow(Problems.AccountGone::new);
    }

    /** Deletes the subscriber first (already gone is fine), then the account: a failure leaves both to retry. */
    public void delete(Account account) {
        try {
            digest.deleteSubscriber(account.subscriberId());
        } catch (DownstreamException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        accounts.delete(account.id());
        Log.infof("Deleted account %s and subscriber %s", account.id(), account.subscriberId());
    }

    public List<Account> list(int limit) {
        return accounts.list(limit);
    }

    /** A new subscriber for {@code email}; one digest-service already has for it (409) is adopted. */
    private String subscriberFor(String email) {
        try {
            return digest.createSubscriber(new SubscriberRequest(email, true, List.of())).path("id").asText();
        } catch (DownstreamException e) {
            if (e.status() != 409) {
                throw e;
            }
        }
        JsonNode found = digest.subscribersByEmail(email);
        JsonNode subscriber = found.isArray() ? found.path(0) : found;
        if (!subscriber.hasNonNull("id")) {
            throw new DownstreamException("digest-service", 502, "subscriber exists but could not be found by email");
        }
        return subscriber.get("id").asText();
    }

    /** A signed-in account and its token. */
    public record Session(Account account, IssuedToken token) {
    }
}
