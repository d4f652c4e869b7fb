package com.tradethehype.digest.signal;

import java.util.List;

/**
 * A ticker that passed the evidence minimums on a digest day, with the numbers behind it and its explanation.
 *
 * @param day         the ticker's numbers in the window
 * @param baseline    its mention baseline
 * @param kind        what kind of signal
 * @param confidence  0..1, from volume, breadth of sources and the strength of the direction or spike
 * @param explanation one sentence built from the numbers above
 * @param headlines   the headlines that show it best (1-3)
 */
public record Signal(TickerDay day, Baseline baseline, SignalKind kind, double confidence, String explanation,
                     List<Headline> headlines) {

    public String ticker() {
        return day.ticker();
    }
}
