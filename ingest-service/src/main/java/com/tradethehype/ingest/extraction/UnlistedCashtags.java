package com.tradethehype.ingest.extraction;

import java.util.Set;

/**
 * Which cashtags outside the universe still name a stock. Social posts are full of OTC and since-renamed or
 * delisted names ({@code $MCIG}, {@code $PURA}, {@code $INPX}, {@code $TFIFF}), and those are what hype is about,
 * so they are kept as unverified tickers; but a cashtag is also used for indices ({@code $SPX}, {@code $VIX}),
 * futures and currencies ({@code $ES}, {@code $USD}), Stocktwits rooms and lists ({@code $SCANX}, {@code $COMDX}:
 * five letters ending in X, which is also how mutual funds are spelled), slang ({@code $YOLO}) and words.
 * Coins and anything in a text about crypto are the crypto detector's.
 */
final class UnlistedCashtags {

    /** Indices, futures roots, rates, commodities and currencies that traders write with a dollar sign. */
    static final Set<String> NOT_STOCKS = Set.of("SPX", "SPXW", "NDX", "NDQ", "DJI", "DJIA", "DJT", "DJUSD", "INDU", "COMP", "COMPQ", "IXIC", "RUT",
            "RUA", "VIX", "VVIX", "VXN", "VXD", "OEX", "XEO", "NYA", "XAU", "XAX", "SOX", "XOI", "OSX", "BKX", "HUI",
            "MOVE", "TNX", "TYX", "FVX", "IRX", "DXY", "USDX", "TRIN", "TICK", "ADD", "VOLD", "NYAD", "HSI", "NKY",
            "FTSE", "UKX", "DAX", "CAC", "STOXX", "SXE", "ESTX", "TSX", "ASX", "XJO", "KOSPI", "NIFTY", "IBEX",
            "SMI", "AEX", "MIB", "SSEC", "CSI", "ES", "NQ", "YM", "RTY", "CL", "GC", "SI", "HG", "NG", "ZB", "ZN",
            "ZF", "ZT", "ZC", "ZS", "ZW", "RB", "HO", "BZ", "WTI", "BRENT", "OIL", "GOLD", "USOIL", "UKOIL", "USD",
            "EUR", "JPY", "GBP", "CAD", "AUD", "CHF", "CNY", "CNH", "NZD", "HKD", "INR", "MXN", "BRL", "KRW", "RUB",
            "TRY", "ZAR", "SEK", "NOK", "DKK", "SGD", "PLN", "BOND", "BONDS", "MACRO", "FX", "CPI", "GDP", "FOMC",
            "FED", "PPI", "NFP", "NIKKEI", "N225", "SENSEX", "HSCEI", "USDJPY", "EURUSD", "GBPUSD", "USDCAD", "AUDUSD");

    private UnlistedCashtags() {
    }

    /**
     * Whether {@code $symbol}, outside the universe, not a coin and an ordinary word of three or four letters, names a
     * stock when the same text cashtags other stocks ({@code $EARS very nice ... $KERN strong close}); alone, such a
     * cashtag is as often the word ({@code $CASH}, {@code $HOPE}).
     */
    static boolean mayBeStockAmongStocks(String symbol, WordLists words) {
        return symbol.length() >= 3 && symbol.length() <= 4 && !NOT_STOCKS.contains(symbol)
                && !words.slang.contains(symbol) && !words.slangCashtag.contains(symbol)
                && words.isCommon(symbol.toLowerCase());
    }

    /** Whether {@code $symbol}, outside the universe and not a coin, may name a stock. */
    static boolean mayBeStock(String symbol, WordLists words) {
        if (NOT_STOCKS.contains(symbol) || words.slang.contains(symbol) || words.slangCashtag.contains(symbol)) {
            return false;
        }
        if (symbol.length() == 5 && symbol.endsWith("X")) {
            return false; // $SCANX, $SUMRX: Stocktwits rooms and lists; mutual funds otherwise
        }
        if (symbol.length() >= 5 && words.isEnglish(symbol.toLowerCase())) {
            return false; // $WIRES: On The Wires, a feed's section
        }
        return symbol.length() >= 2 && !words.isCommon(symbol.toLowerCase());
    }
}
