package com.tradethehype.ingest.extraction;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A one-word company name that the words around it show to be something else: a person's surname
 * ({@code charges against John Lowe} is not Lowe's; {@code Mr. Ford}, {@code Fed chair Powell}), a possessive brand written without its
 * possessive ({@code Lowe's} needs the {@code 's}), or one word of a longer proper noun ({@code Middle East Intel
 * Gathering}), or the first word of a place or an institution ({@code Amazon Rainforest}, {@code Ford Foundation},
 * {@code Kroger Field}, {@code Ford's Theatre}), or an event named after an English word ({@code Carnival season},
 * {@code the Apple Cup}). Names of several words ({@code Realty Income}) are never doubted.
 */
final class NameContext {

    /** Given names and titles that, right before a one-word name, make it a surname. Hand-written. */
    private static final Set<String> PERSON_BEFORE = Set.of("mr", "mrs", "ms", "dr", "sir", "lord", "lady", "sen",
            "senator", "rep", "judge", "justice", "gov", "governor", "president", "prof", "professor", "coach",
            "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
            "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
            "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob",
            "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin",
            "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack", "dennis", "jerry", "tyler",
            "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle", "walter", "ethan",
            "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl", "terry", "sean", "austin",
            "arthur", "lawrence", "jesse", "dylan", "bryan", "joe", "jordan", "billy", "bruce", "albert", "willie",
            "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell",
            "elijah", "louis", "bobby", "philip", "johnny", "mary", "patricia", "jennifer", "linda", "elizabeth",
            "barbara", "susan", "jessica", "sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra",
            "ashley", "kimberly", "emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa", "deborah",
            "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "shirley", "angela", "helen",
            "anna", "brenda", "pamela", "nicole", "emma", "samantha", "katherine", "christine", "debra", "rachel",
            "catherine", "carolyn", "janet", "ruth", "maria", "heather", "diane", "virginia", "julie", "joyce",
            "victoria", "olivia", "kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl",
            "andrea", "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "teresa", "kathryn", "sara",
            "janice", "jean", "alice", "madison", "doris", "abigail", "julia", "judy", "grace", "denise", "amber",
            "marilyn", "beverly", "danielle", "theresa", "sophia", "marie", "diana", "brittany", "natalie", "isabella",
            "charlotte", "rose", "alexis", "kayla", "tim", "tom", "bob", "bill", "jim", "mike", "dave", "steve",
            "chris", "dan", "ben", "sam", "rick", "ken", "ron", "jeff", "greg", "ted", "tony", "matt", "nick", "pete",
            "elon", "warren", "jamie", "jerome", "kamala", "hillary", "bernie", "mitch", "gavin",
            "harrison", "ruby", "drew", "jay", "ray", "lee", "ali", "mohammed", "muhammad", "ahmed",
            // the short forms of the given names above, as people are credited ("Rob Lowe's new show"); not those that
            // are also headline verbs or adjectives (Sue, Pat, Rich)
            "rob", "robbie", "ed", "eddie", "andy", "jon", "josh", "zach", "alex", "nate", "doug",
            "kate", "katie", "liz", "beth", "jen", "jenny", "becky", "cathy", "kathy", "vicky", "meg", "barb",
            "cindy", "patty", "maggie", "kim", "jess", "steph", "abby", "sophie", "danny", "tommy", "jimmy", "mikey",
            "stevie", "benny", "sammy", "nicky", "joey", "chuck", "hank", "frankie", "alexa", "vince");
    /** Roles written before a person's name in any case: {@code chair Powell}, {@code billionaire Dell}. Hand-written. */
    private static final Set<String> ROLES = Set.of("chair", "chairman", "chairwoman", "secretary", "minister", "ceo",
            "cfo", "founder", "cofounder", "billionaire", "investor", "analyst", "economist", "strategist", "coach",
            "actor", "actress", "singer", "rapper", "author", "writer", "novelist", "director", "judge", "senator",
            "governor", "mayor", "president", "chancellor", "prince", "princess", "pope", "quarterback", "anchor",
            "reporter", "journalist", "columnist", "professor", "lawyer", "attorney", "prosecutor", "commissioner",
            "speaker", "candidate", "nominee", "detective", "sheriff", "officer", "sergeant", "captain", "colonel",
            "lieutenant", "pastor", "rabbi", "bishop", "cardinal", "doctor", "nurse", "spokesman", "spokeswoman");
    /**
     * Headline words that may stand capitalised right before a company: {@code Why Intel}, {@code Buy Apple},
     * {@code Former Marriott CEO}, {@code Coach Owner Tapestry}.
     */
    private static final Set<String> LEADS = Set.of("why", "how", "what", "when", "where", "who", "which", "is", "are",
            "was", "will", "would", "should", "could", "can", "does", "do", "did", "has", "have", "buy", "sell", "hold",
            "short", "watch", "own", "about", "after", "before", "as", "at", "by", "for", "from", "in", "into", "of",
            "on", "over", "to", "with", "without", "vs", "versus", "and", "or", "but", "the", "a", "an", "if", "than",
            "says", "said", "sees", "hits", "beats", "tops", "misses", "sues", "joins", "leaves", "upgrades",
            "downgrades", "likes", "loves", "backs", "names", "picks", "rates", "takes", "tells", "sued", "behind",
            "like", "new", "top", "big", "biggest", "stocks", "stock", "shares", "analysts", "investors",
            "report", "breaking", "update", "exclusive", "rpt", "its", "his", "her", "their", "our", "my", "your",
            "former", "ex", "owner", "parent", "supplier", "rival", "subsidiary", "acquirer");
    /** Nouns that, right after a one-word name in any case, make it a place ({@code Namib desert}, {@code Amazon River}). */
    private static final Set<String> NATURE_AFTER = Set.of("river", "rainforest", "forest", "basin", "jungle", "valley",
            "mountains", "lake", "desert", "island", "islands", "bay", "beach", "coast", "creek", "canyon", "reef",
            "peninsula", "sea", "ocean", "gulf", "glacier", "volcano");
    /** The US states, which after a name and a comma make it a town ({@code Hershey, Pennsylvania}). */
    private static final Set<String> STATES = Set.of("Alabama", "Alaska", "Arizona", "Arkansas", "California",
            "Colorado", "Connecticut", "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
            "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
            "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
            "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "Wisconsin", "Wyoming");
    /** Capitalised nouns that, right after a one-word name, make it part of a place or an institution. Hand-written. */
    private static final Set<String> PLACE_AFTER = Set.of("river", "rainforest", "forest", "basin", "jungle", "valley",
            "mountain", "mountains", "lake", "island", "islands", "bay", "beach", "coast", "creek", "canyon", "reef",
            "desert", "county", "city", "town", "village", "street", "avenue", "road", "bridge", "park", "field",
            "stadium", "arena", "center", "centre", "hall", "museum", "library", "theatre", "theater", "zoo", "garden",
            "gardens", "festival", "foundation", "institute", "university", "college", "school", "academy",
            "hospital", "church", "cathedral", "prize", "award", "awards", "trophy", "trail", "tower", "square",
            "tour", "club", "marathon", "classic", "championship", "championships", "invitational", "bowl", "cup",
            "regatta", "amphitheater", "amphitheatre", "pavilion", "coliseum", "ballpark", "speedway", "raceway",
            "plaza", "dome", "auditorium", "endowment");
    /**
     * Nouns that end the name of a programme, a contest or a prize named after a company, after at least one more
     * capitalised word: {@code the Intel Science Talent Search}, {@code the Google Science Fair}, {@code the Siemens
     * Math Competition}. Not right after the name, where they may be its product ({@code Google Search}). Hand-written.
     */
    private static final Set<String> PROGRAMME_END = Set.of("fair", "competition", "contest", "olympiad",
            "scholarship", "scholarships", "scholars", "fellowship", "fellowships", "fellows", "laureates", "prizes",
            "medal", "lecture", "lectures");
    /**
     * Nouns that, right after a one-word name that is also an English word, make it an event or a season named after
     * the word, not the company: {@code Carnival season}, {@code the Apple Cup}. Hand-written.
     */
    private static final Set<String> EVENT_AFTER = Set.of("season", "cup", "bowl", "parade", "festival", "tournament",
            "marathon", "derby", "regatta", "pageant", "gala", "games");
    /**
     * Legal doctrines named after a case and things named after a person, in lower case after any one-word name:
     * {@code the Chevron doctrine}, {@code Chevron deference}, {@code Tesla coil demonstrations}, {@code a Ford
     * fellowship}.
     */
    private static final Set<String> DOCTRINE_AFTER = Set.of("doctrine", "deference", "coil", "coils", "theorem",
            "equation", "syndrome", "scholarship", "scholarships", "fellowship", "fellowships", "medal", "lecture");
    /**
     * People whom business news names by surname alone: the founders and chiefs of the largest listed companies, the
     * best-known investors and central bankers. Hand-written; they open headlines the way companies do
     * ({@code Musk unveils ...}).
     */
    private static final Set<String> KNOWN_PEOPLE = Set.of("musk", "bezos", "zuckerberg", "buffett", "munger", "dimon",
            "nadella", "pichai", "huang", "altman", "jassy", "gates", "dorsey", "benioff", "icahn", "ackman", "dalio",
            "soros", "burry", "thiel", "yellen", "lagarde", "bernanke", "greenspan", "bessent", "mnuchin", "xi",
            "putin", "biden", "obama", "modi");
    /** People and institutions after a place's adjective: {@code American regulators}. */
    private static final Set<String> PEOPLE_AFTER = Set.of("regulators", "officials", "lawmakers", "authorities",
            "consumers", "investors", "companies", "firms", "workers", "voters", "citizens", "households", "families",
            "businesses", "banks", "carriers", "travelers", "travellers", "tourists", "farmers", "students", "troops",
            "diplomats", "politicians", "executives", "shoppers", "drivers", "people", "consumer", "government",
            "lawmaker", "official", "regulator", "soldiers", "states", "cities", "hospitals", "universities");
    /**
     * What only a person does, after a capitalised word that is no common English word and a one-word name: the
     * name is a surname ({@code Darren Ford scored twice}, {@code Marcia Gay said}).
     */
    private static final Set<String> PERSON_DEEDS = Set.of("says", "said", "told", "tells", "thinks", "believes",
            "argues", "wrote", "writes", "testifies", "testified", "died", "dies", "scored", "scores", "sang", "sings",
            "starred", "stars", "married", "marries", "retired", "retires", "resigned", "resigns", "graduated",
            "pleaded", "confessed", "apologized", "apologised", "tweeted", "posted");
    /** Verbs whose subject, after a given name and a surname, is a person: {@code Venu Krishna keeps ...}. */
    private static final Set<String> PERSON_VERBS = Set.of("says", "said", "keeps", "sees", "thinks", "told", "tells",
            "warns", "expects", "believes", "argues", "writes", "wrote", "reiterates", "maintains", "stays", "remains",
            "resigns", "testifies", "died", "dies");
    private static final Pattern TITLE_ABBREVIATION = Pattern.compile("(?i)\\b(mr|mrs|ms|dr|sen|rep|gov|prof)\\.?\\s*$");
    /** A given name and a middle initial right before a surname: {@code Gerald R. Ford}, not {@code J.P. Morgan}. */
    private static final Pattern MIDDLE_INITIAL = Pattern.compile("(?<![\\w.])[A-Z][a-z]+ [A-Z]\\. $");

    private NameContext() {
    }

    /**
     * Whether the one-word name at [start, end) of {@code text} (its dictionary spelling {@code alias}, or null)
     * stands for something other than the company.
     */
    static boolean notTheCompany(String text, int start, int end, String alias, boolean englishWord,
                                 WordLists words) {
        if (alias != null && possessive(alias) && !possessiveFollows(text, end)) {
            return true;
        }
        if (englishWord && personsSurname(text, start, end)) {
            return true; // "the poet Emerson", "Emerson's poems", "Jane Emerson, a Boston lawyer": the person
        }
        if (KNOWN_PEOPLE.contains(text.substring(start, end).toLowerCase())) {
            return true; // "Icahn trims his stake" is Carl Icahn, not Icahn Enterprises
        }
        if (givenName(text, end, words)) {
            return true; // "Barclays' Venu Krishna keeps an overweight": a given name, not Venu Holding
        }
        if (englishWord && demonymBeforePeople(text, start, end)) {
            return true; // "American regulators voted ...": Americans, not American Airlines
        }
        if (afterQuantity(text, start)) {
            return true; // "After A 20% Gain", "1,500 degrees Celsius": not Gain Therapeutics, not Celsius Holdings
        }
        int after = afterPossessive(text, end); // "Ford's Theatre" is a theatre, as "Ford Theatre" would be
        String nextWord = Words.next(text, after);
        String next = nextWord.toLowerCase();
        if (NATURE_AFTER.contains(next) || PLACE_AFTER.contains(next) && Words.capitalised(nextWord)) {
            return true;
        }
        if (openEvent(text, after)) {
            return true; // "won the Mexico Open", "the Honda Open": a tournament named after it
        }
        if (englishWord && after == end && EVENT_AFTER.contains(next)) {
            return true;
        }
        if (after == end && DOCTRINE_AFTER.contains(next) && Character.isLowerCase(nextWord.charAt(0))) {
            return true; // "the Chevron doctrine", "a Tesla coil": named after a case or a person, not the company
        }
        if (placeEndsPhrase(text, after, placeBefore(text, start))) {
            return true;
        }
        if (after == end && text.startsWith(", ", end) && STATES.contains(Words.next(text, end + 1))
                && !Words.capitalised(Words.next(text, end + 2 + Words.next(text, end + 1).length()))) {
            return true; // "Hershey, Pennsylvania is ...": the town; not "JetBlue, Alaska Air Shares Rise"
        }
        String before = text.substring(Math.max(0, start - 40), start);
        if (epithet(before, text, end)) {
            return true;
        }
        if (TITLE_ABBREVIATION.matcher(before).find() || MIDDLE_INITIAL.matcher(before).find()) {
            return true;
        }
        String previous = previousWord(before);
        if (ROLES.contains(previous.toLowerCase())) {
            return true;
        }
        if (previous.isEmpty() || !Character.isUpperCase(previous.charAt(0))) {
            return false;
        }
        String lower = previous.toLowerCase();
        if (PERSON_BEFORE.contains(lower)) {
            return true;
        }
        if (!LEADS.contains(lower) && previous.length() >= 3 && Words.capitalised(previous)
                && before.endsWith(previous + " ") && (personalPronounAfter(text, end)
                || !words.isCommon(lower) && PERSON_DEEDS.contains(Words.next(text, end)))) {
            return true; // "Fiona Apple releases her first album", "Darren Ford scored twice": a person
        }
        if (foreignGivenName(text, start, previous, words) && (end == text.length()
                || lowerCaseNext(text, end) || ".,;:!?…)".indexOf(text.charAt(end)) >= 0)) {
            return true; // "activist @Deray Mckesson": a given name no dictionary has, then the surname
        }
        String trimmed = before.stripTrailing();
        String head = trimmed.substring(0, trimmed.length() - previous.length());
        if (!LEADS.contains(lower) && ROLES.contains(previousWord(head).toLowerCase())) {
            return true; // "former chancellor Helmut Kohl's memoirs": a role, a given name, the surname
        }
        // inside a proper noun: "Middle East Intel Gathering", not "Why Intel ..." or "... Wins: Intel"; a name that
        // is no English word only after an English word (not a nationality) and before a word in lower case, which
        // shows the text is not in title case ("The Very Hungry Caterpillar turns 55"; "Chinese Nio ..." is Nio)
        boolean insideWords = englishWord || words.isEnglish(lower) && !CompanyNames.GEOGRAPHY.contains(lower)
                && lowerCaseNext(text, end);
        return insideWords && !LEADS.contains(lower) && !sentenceStart(before, previous)
                && !previous.chars().allMatch(Character::isUpperCase);
    }

    /**
     * Whether the name is a given name: a capitalised surname that is no common English word follows, then a verb only a
     * person takes as its subject ({@code Venu Krishna keeps an overweight}, {@code Sonder Patel said}). {@code Google
     * Cloud says} keeps Google: its second word is a common one.
     */
    private static boolean givenName(String text, int end, WordLists words) {
        String surname = Words.next(text, end);
        if (surname.length() < 3 || !Words.capitalised(surname) || words.isCommon(surname.toLowerCase())
                || CompanyNames.legalForm(surname.toLowerCase()) != null
                || CompanyNames.descriptor(surname.toLowerCase())) {
            return false;
        }
        return PERSON_VERBS.contains(Words.next(text, end + 1 + surname.length()));
    }

    /**
     * Whether a capitalised English word follows the name, then a word in lower case: the name is the first word of
     * another proper name in a text not written in title case ({@code Bumble Bee files for bankruptcy}). Not a market
     * word, a legal form, a trade, a generic word or a place ({@code McEwen Mining plans}, {@code Unisys Federal unit}),
     * nor a company's verb ({@code Dynatrace Announces pricing}); in a headline in title case every word is capitalised
     * ({@code Cutting Off FedEx Ground for Holiday Shipping}).
     */
    static boolean opensLongerName(String text, int end, WordLists words) {
        String next = Words.next(text, end);
        if (next.length() < 3 || !Words.capitalised(next)) {
            return false;
        }
        String lower = next.toLowerCase();
        if (!words.isEnglish(lower) || NameCues.marketAfter(lower) || CompanyNames.legalForm(lower) != null
                || CompanyNames.TRADE_WORDS.contains(lower) || CompanyNames.SUFFIXES.contains(lower)
                || BareSymbols.OTHER_TRADES.contains(lower) || CompanyNames.GENERIC.contains(lower)
                || CompanyNames.GEOGRAPHY.contains(lower) || NameCues.corporateVerb(lower) || lower.endsWith("s")
                || lower.endsWith("ed")) {
            return false; // "McEwen Mining plans ...", "Unisys Federal unit", "Ecolab Named to ..."
        }
        String after = Words.next(text, end + 1 + next.length());
        return after.length() >= 2 && Character.isLowerCase(after.charAt(0)) && !NameCues.titleCase(text);
    }

    /**
     * Whether a verb in lower case follows the name and {@code her}, {@code his} or {@code him} one of the three words
     * after it: the name is a person's surname ({@code ... Apple releases her first album}). A company is {@code its}.
     */
    private static boolean personalPronounAfter(String text, int end) {
        String verb = Words.next(text, end);
        if (verb.length() < 3 || !Character.isLowerCase(verb.charAt(0)) || !verb.endsWith("s") && !verb.endsWith("ed")) {
            return false;
        }
        List<String> after = Words.lower(text, end + 1 + verb.length(), Math.min(text.length(), end + 40 + verb.length()));
        for (int i = 0; i < Math.min(3, after.size()); i++) {
            String word = after.get(i);
            if (word.equals("her") || word.equals("his") || word.equals("him")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the name is a place's adjective before a lower-case word for people or institutions: {@code American
     * regulators}, {@code Southwest farmers}; not {@code American halts flights}.
     */
    private static boolean demonymBeforePeople(String text, int start, int end) {
        String lower = text.substring(start, end).toLowerCase();
        if (!lower.equals("american") && !CompanyNames.GEOGRAPHY.contains(lower)) {
            return false;
        }
        String next = Words.next(text, end);
        return !next.isEmpty() && Character.isLowerCase(next.charAt(0)) && PEOPLE_AFTER.contains(next);
    }

    /**
     * Whether {@code previous}, right before the name at {@code start}, is a given name: capitalised, no English word,
     * after an {@code @} or a word in lower case ({@code corporate broking Kunal Gandhi}, {@code @Deray Mckesson}; not
     * {@code Binance, Tron Weibo}, nor {@code Drugmaker Sanofi} opening a headline).
     */
    private static boolean foreignGivenName(String text, int start, String previous, WordLists words) {
        if (previous.length() < 3 || !Words.capitalised(previous) || words.isEnglish(previous.toLowerCase())
                || CompanyNames.GEOGRAPHY.contains(previous.toLowerCase())) {
            return false;
        }
        int at = start - 1 - previous.length();
        while (at > 0 && text.charAt(at - 1) == ' ') {
            at--;
        }
        if (at > 0 && text.charAt(at - 1) == '@') {
            return true;
        }
        String before = Words.previous(text, start - 1 - previous.length());
        return !before.isEmpty() && Character.isLowerCase(before.charAt(0)); // not "Drugmaker Sanofi expects"
    }

    /**
     * Whether a percentage or {@code degrees} comes right before {@code start}. (A count does not: {@code 30 Boeing
     * 737 MAX}, {@code 200 Google employees}.)
     */
    private static boolean afterQuantity(String text, int start) {
        int before = start - 1;
        if (before < 1 || text.charAt(before) != ' ') {
            return false;
        }
        return text.charAt(before - 1) == '%' || text.startsWith("degrees ", Math.max(0, start - 8));
    }

    /** Whether the next word of four letters or more after {@code end} starts lower case ("to" is lower case anyway). */
    private static boolean lowerCaseNext(String text, int end) {
        int at = end;
        for (int i = 0; i < 4; i++) {
            String next = Words.next(text, at);
            if (next.isEmpty()) {
                return false;
            }
            if (next.length() >= 4) {
                return Character.isLowerCase(next.charAt(0));
            }
            at += 1 + next.length();
        }
        return false;
    }

    /**
     * Whether the capitalised {@code word} opening a headline is a person, not a company: a given name or title
     * ({@code Elon Musk unveils}, {@code Dr. ...}) or someone business news names by surname alone ({@code Musk
     * unveils}).
     */
    /** Whether the lower-case {@code word} is a verb whose subject, after a full name, is a person ({@code says}). */
    static boolean personVerb(String word) {
        return PERSON_VERBS.contains(word) || PERSON_DEEDS.contains(word);
    }

    static boolean person(String word) {
        String lower = word.toLowerCase();
        return PERSON_BEFORE.contains(lower) || KNOWN_PEOPLE.contains(lower);
    }

    /** The index after a possessive {@code 's} at {@code end}, or {@code end}. */
    private static int afterPossessive(String text, int end) {
        return end + 1 < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '\u2019')
                && (text.charAt(end + 1) == 's' || text.charAt(end + 1) == 'S') ? end + 2 : end;
    }

    /**
     * Whether the capitalised words right after the name, in a text not written in title case, end in a place or an
     * institution: {@code Apple Blossom Festival}, {@code Tesla Science Center}. Up to three words are read. In title
     * case ({@code Nike Opens Innovation Center}) only when no verb, plural or market word stands between
     * ({@code Hershey Medical Center Announces ...}), or after an article or a preposition of place when no verb or
     * market word does ({@code Doctors at Hershey Children's Hospital}).
     */
    static boolean placeEndsPhrase(String text, int end, boolean placeBefore) {
        int at = end;
        String previous = "";
        boolean plainWords = true;
        boolean businessWords = false;
        for (int i = 0; i < 3; i++) {
            String word = Words.next(text, at);
            if (!Words.capitalised(word)) {
                return false;
            }
            String lower = word.toLowerCase();
            if (PLACE_AFTER.contains(lower) || i > 0 && (PROGRAMME_END.contains(lower)
                    || lower.equals("search") && previous.equals("talent"))) {
                return i > 0 && (!NameCues.titleCase(text) || plainWords || placeBefore && !businessWords);
            }
            businessWords |= NameCues.marketAfter(lower) || NameCues.corporateVerb(lower) || LEADS.contains(lower);
            plainWords &= !businessWords && !lower.endsWith("s") && !lower.endsWith("ed");
            at += 1 + word.length();
            if (i < 2 && (text.startsWith("'s ", at) || text.startsWith("’s ", at))) {
                at += 2; // "the Hasbro Children's Hospital": a possessive inside the name of the place
            }
            previous = lower;
        }
        return false;
    }

    /**
     * Whether the word right after a name ending at {@code end} is {@code Open} as a tournament's name ({@code won the
     * Honda Open}): when it ends the capitalised phrase, or outside title case; not the verb of a headline ({@code Apple
     * Open To Talks}, {@code Tesla Open Sources ...}).
     */
    static boolean openEvent(String text, int end) {
        if (!Words.next(text, end).equals("Open")) {
            return false;
        }
        String after = Words.next(text, end + 5);
        return !Words.capitalised(after) && !Words.allCapitals(after) || !NameCues.titleCase(text);
    }

    /** Words before a place's name: {@code at Hershey Medical Center}, {@code the Amgen Tour}. */
    private static final Set<String> PLACE_BEFORE = Set.of("the", "at", "in", "near", "outside", "inside", "from",
            "into", "of");

    /** Whether an article or a preposition of place stands right before the name at {@code start}. */
    static boolean placeBefore(String text, int start) {
        return PLACE_BEFORE.contains(Words.previous(text, start).toLowerCase());
    }

    /**
     * Words right before a person's full name, which make a company's name of several words that is also a person's
     * ({@code Howard Hughes}, {@code Charles Schwab}) the person: {@code a new biopic of Howard Hughes},
     * {@code the late Charles Schwab}, {@code billionaire Howard Hughes}.
     */
    private static final Pattern PERSON_CONTEXT = Pattern.compile("(?i)\\b(?:(?:biopic|biography|memoirs?|funeral"
            + "|widow|son|daughter|grandson|granddaughter)\\s+of|the late|played by|portrayed by|starring"
            + "|actor|actress|singer|rapper|author|novelist|aviator|tycoon|billionaire)\\s+$");
    /**
     * Words right before a one-word name that is also a surname, which make it the person: {@code the poet Emerson},
     * {@code a biography of Emerson}, {@code novelist Anne Tyler} (with {@link #PERSON_CONTEXT}).
     */
    private static final Set<String> SURNAME_CONTEXT = Set.of("poet", "essayist", "philosopher", "writer",
            "playwright", "composer", "painter", "sculptor", "professor", "historian", "biographer", "transcendentalist",
            "quarterback", "striker", "goalkeeper", "pitcher", "midfielder", "defender", "senator", "congressman",
            "congresswoman", "lawmaker", "governor", "mayor", "judge", "justice");
    /** A person's works or kin after a surname's possessive: {@code Emerson's poems}, {@code Ford's widow}. */
    private static final Pattern PERSON_THINGS = Pattern.compile("^(?:'s|’s|')\\s+(?:(?:famous|best-known|best known"
            + "|early|late|collected|complete|own)\\s+)?(?:poems?|poetry|essays?|novels?|verses?|lyrics|memoirs?"
            + "|paintings?|sonnets?|journals|diaries|widow|wife|husband|grave|funeral)\\b");
    /**
     * A person described in apposition after a surname: {@code Jane Emerson, a Boston lawyer, said}; a company would
     * be a maker, a firm or a provider.
     */
    private static final Pattern PERSON_APPOSITION = Pattern.compile("(?i)^,\\s+(?:a|an|the)\\s+(?:[\\w.'’-]+\\s+){0,3}?"
            + "(?:lawyer|attorney|professor|author|writer|poet|teacher|student|doctor|nurse|resident|spokesman"
            + "|spokeswoman|mother|father|widow|veteran|actor|actress|singer|musician|player|coach|farmer"
            + "|retiree|homeowner|grandmother|grandfather|activist|lawmaker|senator|judge)\\b");

    /** The last words of {@link #PERSON_CONTEXT}, to try it only where it may match. */
    private static final Set<String> PERSON_CONTEXT_ENDS = Set.of("of", "late", "by", "starring", "actor", "actress",
            "singer", "rapper", "author", "novelist", "aviator", "tycoon", "billionaire");

    /**
     * Whether a one-word name at [start, end) that is also a surname stands in a person's context: an occupation or a
     * biography before it, a person's works or kin after its possessive, a person described in apposition after it.
     * Each pattern is tried only where its first or last character or word is there, as most names have none.
     */
    private static boolean personsSurname(String text, int start, int end) {
        String previous = Words.previous(text, start);
        if (!previous.isEmpty()) {
            String lower = previous.toLowerCase();
            if (SURNAME_CONTEXT.contains(lower) || PERSON_CONTEXT_ENDS.contains(lower) && personBefore(text, start)) {
                return true;
            }
        }
        if (end + 1 < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '’')
                && PERSON_THINGS.matcher(text.substring(end, Math.min(text.length(), end + 40))).find()) {
            return true;
        }
        return text.startsWith(", ", end)
                && PERSON_APPOSITION.matcher(text.substring(end, Math.min(text.length(), end + 50))).find();
    }

    /** Whether the words right before a name of several words at {@code start} speak of a person. */
    static boolean personBefore(String text, int start) {
        return PERSON_CONTEXT.matcher(text.substring(Math.max(0, start - 40), start)).find();
    }

    /** {@code the Oracle of Omaha}, {@code the Amazon of China}: a name used for a person or another company. */
    private static boolean epithet(String before, String text, int end) {
        String previous = previousWord(before).toLowerCase();
        if (!previous.equals("the") || !text.startsWith(" of ", end)) {
            return false;
        }
        return Words.capitalised(Words.next(text, end + 3));
    }

    /** Whether the lower-case {@code word} may stand capitalised right before a company in a headline ({@code why}). */
    static boolean lead(String word) {
        return LEADS.contains(word);
    }

    private static boolean possessive(String alias) {
        return alias.endsWith("'s") || alias.endsWith("’s");
    }

    private static boolean possessiveFollows(String text, int end) {
        return end < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '’' || text.charAt(end) == 's'
                || text.charAt(end) == 'S');
    }

    /** The word right before, when only spaces separate it from the name ({@code East} in {@code East Intel}). */
    private static String previousWord(String before) {
        int end = before.length();
        if (end == 0 || before.charAt(end - 1) != ' ') {
            return "";
        }
        while (end > 0 && before.charAt(end - 1) == ' ') {
            end--;
        }
        int from = end;
        while (from > 0 && Character.isLetter(before.charAt(from - 1))) {
            from--;
        }
        return before.substring(from, end);
    }

    /** Whether {@code previous} opens the text or a sentence, where every word is capitalised anyway. */
    private static boolean sentenceStart(String before, String previous) {
        String head = before.stripTrailing();
        head = head.substring(0, head.length() - previous.length()).stripTrailing();
        return head.isEmpty() || ".!?:;\"“(-–—|".indexOf(head.charAt(head.length() - 1)) >= 0;
    }
}
