package com.tradethehype.digest.signal;

import com.tradethehype.contracts.ModelRef;
import java.util.List;

/**
 * Everything a digest day rests on.
 *
 * @param window      the 24 h it covers
 * @param articles    distinct articles published in it
 * @param sources     distinct sources of those
 * @param scored      articles the day's model scored
 * @param model       the model that scored most of them; null when none was scored
 * @param historyDays days of history the baselines had (of {@code fullDays})
 * @param signals     the day's signals, strongest first
 */
public record DayResult(DigestWindow window, int articles, int sources, int scored, ModelRef model, int historyDays,
                        List<Signal> signals) {

    /** No article was scored in the window: the pipeline did not run, and the day must not look normal. */
    public boolean noData() {
        return scored == 0;
    }
}
