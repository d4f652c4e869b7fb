package com.tradethehype.ingest.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** How an SEC company title becomes the names news uses for the company. */
final class CompanyNames {

    /** Legal forms and listing words at the end of an SEC title ({@code JPMORGAN CHASE & CO}). */
    static final Set<String> SUFFIXES = Set.of("inc", "incorporated", "corp", "corporation", "co", "cos",
            "company", "companies", "ltd", "limited", "plc", "llc", "lp", "l", "p", "sa", "s", "a", "b", "de", "cv",
            "nv", "n", "v", "ag", "se", "asa", "ab", "spa", "holdings", "holding", "hldgs", "group", "the", "and",
            "adr", "ads", "new", "class", "common", "stock", "shares", "ord", "international", "intl", "public", "usa",
            "us", "of");
    /** Words that say what a company does rather than who it is: {@code Molson Coors Beverage} is "Molson Coors". */
    static final Set<String> TRADE_WORDS = Set.of("technologies", "technology", "therapeutics",
            "pharmaceuticals", "pharmaceutical", "pharma", "biosciences", "bioscience", "sciences", "biotherapeutics",
            "beverage", "brands", "industries", "systems", "solutions", "enterprises", "entertainment", "partners",
            "properties", "communications", "networks", "software", "laboratories", "labs", "platforms", "homes",
            "worldwide", "motors", "motor", "bancorp", "bancshares", "financial", "interactive", "research", "biopharma",
            "biopharmaceuticals", "biopharmaceutical", "biotech", "biotechnology", "semiconductors", "semiconductor",
            "airlines", "airways", "air", "lines", "railway", "railways", "railroad");
    /** Words that join the words of a name. */
    private static final Set<String> LINKS = Set.of("and", "of", "the", "de", "y", "et");
    /** The trade words of banks, whose names are mostly places. */
    private static final Set<String> BANK_WORDS = Set.of("bancorp", "bancshares", "bancorporation", "bankshares");
    /**
     * Places that start many company names ({@code China Pharma}, {@code Texas Roadhouse}) and stand alone for the
     * place: never a one-word name.
     */
    static final Set<String> GEOGRAPHY = Set.of("china", "chinese", "india", "indian", "japan", "japanese", "korea",
            "korean", "taiwan", "hong", "singapore", "asia", "asian", "pacific", "atlantic", "europe", "european",
            "britain", "british", "england", "english", "ireland", "irish", "scotland", "germany", "german", "france",
            "french", "italy", "italian", "spain", "spanish", "mexico", "mexican", "canada", "canadian", "brazil",
            "brazilian", "argentina", "chile", "peru", "colombia", "israel", "africa", "african", "australia",
            "australian", "russia", "russian", "america", "americas", "texas", "california", "florida", "nevada",
            "arizona", "colorado", "georgia", "carolina", "virginia", "ohio", "michigan", "illinois", "indiana",
            "kentucky", "tennessee", "alabama", "louisiana", "oregon", "washington", "montana", "dakota", "utah",
            "hawaii", "hawaiian", "alaska", "alaskan", "boston", "chicago", "houston", "dallas", "atlanta", "denver",
            "phoenix", "seattle", "miami", "orlando", "detroit", "brooklyn", "manhattan", "london", "paris", "tokyo",
            "shanghai", "beijing", "dubai", "north", "south", "east", "west", "northern", "southern", "eastern",
            "western", "central", "midwest", "northwest", "southwest", "northeast", "southeast", "gulf", "coastal",
            "global", "world", "international", "national", "regional", "metropolitan", "urban", "rural");
    /** Names made of nothing but these say nothing ({@code First Bancorp}, {@code Capital Group}, {@code National Bank}). */
    static final Set<String> GENERIC = Set.of("bank", "banc", "bancorp", "bancshares", "financial", "capital",
            "first", "national", "american", "united", "global", "international", "general", "trust", "fund", "income",
            "energy", "power", "city", "community", "federal", "savings", "realty", "property", "properties", "partners",
            "holdings", "group", "corp", "inc", "company", "solutions", "systems", "industries", "technologies",
            "resources", "investors", "investment", "investments", "services", "service", "health", "care", "new");
    /** A trailing state or status tag in an SEC title, after a space ({@code /DE/}, {@code \\NY\\}); not RE/MAX. */
    static final Pattern SEC_TAG = Pattern.compile("\\s+[/\\\\].*$");
    /**
     * Names of exchange and index companies that news mostly uses for the market: they count only with a cue, as a
     * common word does ({@code S&P Global stock}, {@code Nasdaq Inc}, {@code Cboe shares}).
     */
    static final Set<String> MARKET_NAMES = Set.of("nasdaq", "cboe", "s and p global");
    /** Names of companies that news mostly uses for something else: the exchange, the index, the market. */
    static final Set<String> NOT_COMPANIES = Set.of("nasdaq", "cboe", "nyse", "dow", "dow jones", "s and p",
            "s and p global", "russell", "credit suisse", "american", "first", "general", "national", "global", "united", "federal");

    private CompanyNames() {
    }

    /** {@code molson coors beverage} -> {@code molson coors}; the name itself when nothing is left. */
    static String stripTradeWords(String shortForm) {
        List<String> tokens = new ArrayList<>(List.of(shortForm.split(" ")));
        while (tokens.size() > 1 && (TRADE_WORDS.contains(tokens.get(tokens.size() - 1))
                || LINKS.contains(tokens.get(tokens.size() - 1)))) {
            tokens.remove(tokens.size() - 1); // "melco resorts and entertainment" -> "melco resorts"
        }
        return String.join(" ", tokens);
    }

    /** Whether the short form ends in a bank's trade word ({@code Bridgewater Bancshares}). */
    static boolean bankTitle(String shortForm) {
        String last = shortForm.substring(shortForm.lastIndexOf(' ') + 1);
        return BANK_WORDS.contains(last);
    }

    /** The legal form {@code token} names, one spelling for each ({@code corporation} -> {@code corp}), or null. */
    static String legalForm(String token) {
        return switch (token) {
            case "inc", "incorporated" -> "inc";
            case "corp", "corporation" -> "corp";
            case "co", "company" -> "co";
            case "ltd", "limited" -> "ltd";
            case "group", "plc", "holdings", "sa", "nv", "ag", "se" -> token;
            default -> null;
        };
    }

    /** Whether the first word of a longer name may stand for the company alone ({@code Sirius} of Sirius XM). */
    static boolean mayStandAlone(String first) {
        return first.length() >= 4 && first.chars().allMatch(Character::isLetter) && !GENERIC.contains(first)
                && !SUFFIXES.contains(first) && !TRADE_WORDS.contains(first) && !LINKS.contains(first)
                && !GEOGRAPHY.contains(first);
    }

    /** {@code COSTCO WHOLESALE CORP /NEW} -> {@code COSTCO WHOLESALE CORP}: SEC state and status tags go. */
    static String cleanTitle(String title) {
        return SEC_TAG.matcher(title).replaceFirst("");
    }

    /** The folded name without trailing legal forms ({@code jpmorgan chase and co} -> {@code jpmorgan chase}). */
    static String stripSuffixes(String folded) {
        List<String> tokens = new ArrayList<>(List.of(folded.split(" ")));
        while (tokens.size() > 1 && SUFFIXES.contains(tokens.get(tokens.size() - 1))) {
            tokens.remove(tokens.size() - 1);
        }
        if (tokens.size() > 1 && tokens.get(0).equals("the")) {
            tokens.remove(0);
        }
        return String.join(" ", tokens);
    }
}
