package com.tradethehype.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rate limits on the endpoints an attacker or a busy page would hammer; each answers 429 with Retry-After. */
@ConfigMapping(prefix = "gateway.limits")
public interface LimitConfig {

    /** Failed logins for one account within {@link #accountWindow()} before that account is locked out for a while. */
    @WithDefault("5")
    int accountFailures();

    /** The window failed logins per account are counted over. */
    @WithDefault("15m")
    Duration accountWindow();

    /** Login and register attempts from one IP address within {@link #ipWindow()}. */
    @WithDefault("20")
    int ipAttempts();

    /** The window attempts per IP are counted over. */
    @WithDefault("1m")
    Duration ipWindow();

    /** Calls to POST /api/extract and POST /api/score per account within {@link #toolWindow()}. */
    @WithDefault("30")
    int toolCalls();

    /** The window tool calls per account are counted over. */
    @WithDefault("1m")
    Duration toolWindow();
}
