package com.tradethehype.digest.service;

import java.time.LocalDate;

/**
 * The outcome of one send run for one digest day.
 *
 * @param date    the digest day
 * @param status  the day's status (READY, QUIET, NO_DATA)
 * @param sent    subscribers who have the day's mail (this run or an earlier one)
 * @param failed  subscribers whose last attempt failed and who will be retried
 * @param gaveUp  subscribers whose attempts are used up
 * @param pending subscribers not tried yet (another sender holds them, or the run ended first)
 */
public record SendReport(LocalDate date, String status, int sent, int failed, int gaveUp, int pending) {

    /** Subscribers left without the day's mail. */
    public int unsent() {
        return failed + gaveUp + pending;
    }

    /** True when every active subscriber has the mail and the day had data. */
    public boolean complete() {
        return unsent() == 0 && !DigestDays.NO_DATA.equals(status);
    }
}
