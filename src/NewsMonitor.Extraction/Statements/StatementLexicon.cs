using System.Collections.Frozen;

namespace NewsMonitor.Extraction.Statements;

internal enum Gender { Unknown, Male, Female, Plural, Neuter }

/// <summary>
/// The words statement extraction runs on: reporting verbs, pronouns, titles, quote marks.
/// Data, not code: a new cue or a new language's quote marks is a line here.
/// </summary>
/// <summary>The patterns that find statements; each has a measured precision (see <see cref="StatementLexicon.PatternPrecision"/>).</summary>
internal enum StatementPattern
{
    QuoteThenAttribution,
    PartialQuoteThenAttribution,
    AttributionThenQuote,
    InvertedAttribution,
    NameColonQuote,
    IntroducedQuote,
    CarriedQuote,
    RunOnQuote,
    FollowingQuote,
    ParticipleQuote,
    PreposedPhrase,
    QuoteInReportedClause,
    AccordingToQuote,
    ReportedClause,
    ReportedClauseWithQuote,
    TrailingParticiple,
    TrailingAttribution,
    AccordingTo,
    Question,
    Headline,
}

internal static class StatementLexicon
{
    /// <summary>
    /// Share of each pattern's statements whose content and speaker mention match an annotation on
    /// PolNeAR train (speech cues, ggt@0.3); measured with bench/quotes, rounded. Confidence starts here.
    /// </summary>
    public static readonly FrozenDictionary<StatementPattern, double> PatternPrecision = new Dictionary<StatementPattern, double>
    {
        [StatementPattern.QuoteThenAttribution] = 0.88,
        [StatementPattern.QuoteInReportedClause] = 0.82,
        [StatementPattern.NameColonQuote] = 0.8,
        [StatementPattern.ReportedClause] = 0.74,
        [StatementPattern.AttributionThenQuote] = 0.73,
        [StatementPattern.TrailingParticiple] = 0.72,
        [StatementPattern.TrailingAttribution] = 0.7,
        [StatementPattern.IntroducedQuote] = 0.69,
        [StatementPattern.AccordingTo] = 0.64,
        [StatementPattern.Headline] = 0.63,
        [StatementPattern.Question] = 0.56,
        [StatementPattern.ReportedClauseWithQuote] = 0.55,
        [StatementPattern.PartialQuoteThenAttribution] = 0.54,
        [StatementPattern.FollowingQuote] = 0.42,
        [StatementPattern.PreposedPhrase] = 0.32,
        [StatementPattern.InvertedAttribution] = 0.3,
        [StatementPattern.CarriedQuote] = 0.24,
        [StatementPattern.ParticipleQuote] = 0.2,
        // Measured at 22%: not worth reporting. Kept as a pattern so the measurement can be repeated.
        [StatementPattern.AccordingToQuote] = 0.2,
        // Alone, 19%; merged into the quote it continues (as annotated), it takes that quote's confidence.
        [StatementPattern.RunOnQuote] = 0.2,
    }.ToFrozenDictionary();

    /// <summary>Patterns too often wrong to report (see <see cref="PatternPrecision"/>).</summary>
    public static readonly FrozenSet<StatementPattern> Unreported = FrozenSet.ToFrozenSet([StatementPattern.AccordingToQuote]);

    public static string PatternName(StatementPattern pattern) => PatternNames[pattern];

    private static readonly FrozenDictionary<StatementPattern, string> PatternNames = Enum.GetValues<StatementPattern>()
        .ToFrozenDictionary(p => p, p => string.Concat(p.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())));

    /// <summary>Reporting verbs as written, each mapped to its lemma.</summary>
    public static readonly FrozenDictionary<string, string> Cues = BuildCues(
        ("say", ["said", "says", "say", "saying"]),
        ("add", ["added", "adds", "adding"]),
        ("tell", ["told", "tells", "telling"]),
        ("argue", ["argued", "argues", "arguing"]),
        ("note", ["noted", "notes", "noting"]),
        ("warn", ["warned", "warns", "warning"]),
        ("stress", ["stressed", "stresses", "stressing"]),
        ("insist", ["insisted", "insists", "insisting"]),
        ("pledge", ["pledged", "pledges", "pledging"]),
        ("emphasise", ["emphasised", "emphasises", "emphasising", "emphasized", "emphasizes", "emphasizing"]),
        ("announce", ["announced", "announces", "announcing"]),
        ("claim", ["claimed", "claims", "claiming"]),
        ("state", ["stated", "stating"]),
        ("explain", ["explained", "explains", "explaining"]),
        ("declare", ["declared", "declares", "declaring"]),
        ("assert", ["asserted", "asserts", "asserting"]),
        ("acknowledge", ["acknowledged", "acknowledges", "acknowledging"]),
        ("admit", ["admitted", "admits", "admitting"]),
        ("suggest", ["suggested", "suggests", "suggesting"]),
        ("write", ["wrote", "writes", "writing"]),
        ("report", ["reported", "reports"]),
        ("urge", ["urged", "urges", "urging"]),
        ("deny", ["denied", "denies", "denying"]),
        ("confirm", ["confirmed", "confirms", "confirming"]),
        ("predict", ["predicted", "predicts", "predicting"]),
        ("promise", ["promised", "promises", "promising"]),
        ("vow", ["vowed", "vows", "vowing"]),
        ("tweet", ["tweeted", "tweets", "tweeting"]),
        
        ("reply", ["replied", "replies", "replying"]),
        ("respond", ["responded", "responds", "responding"]),
        ("recall", ["recalled", "recalls", "recalling"]),
        ("concede", ["conceded", "concedes", "conceding"]),
        ("caution", ["cautioned", "cautions", "cautioning"]),
        
        ("contend", ["contended", "contends", "contending"]),
        ("observe", ["observed", "observes", "observing"]),
        ("remark", ["remarked", "remarks", "remarking"]),
        ("comment", ["commented", "comments", "commenting"]),
        ("continue", ["continued"]),
        
        
        ("ask", ["asked", "asks", "asking"]),
        ("propose", ["proposed", "proposes", "proposing"]),
        ("accuse", ["accused", "accuses", "accusing"]),
        ("complain", ["complained", "complains", "complaining"]),
        ("reiterate", ["reiterated", "reiterates", "reiterating"]),
        
        ("mention", ["mentioned", "mentions", "mentioning"]),
        
        ("describe", ["described", "describes", "describing"]),
        ("dub", ["dubbed", "dubs"]),
        ("label", ["labeled", "labelled", "labels"]),
        ("call", ["called", "calls", "calling"]),
        
        ("testify", ["testified", "testifies", "testifying"]),
        ("boast", ["boasted", "boasts", "boasting"]),
        ("joke", ["joked", "jokes", "joking"]),
        ("quip", ["quipped", "quips"]),
        ("shout", ["shouted", "shouts"]),
        ("demand", ["demanded", "demands", "demanding"]),
        
        
        
        
        ("yell", ["yelled", "yells", "yelling"]),
        ("scream", ["screamed", "screams", "screaming"]),
        ("chant", ["chanted", "chants", "chanting"]),
        ("exclaim", ["exclaimed", "exclaims"]),
        ("whisper", ["whispered", "whispers"]),
        ("mutter", ["muttered", "mutters"]),
        ("criticize", ["criticized", "criticizes", "criticizing", "criticised", "criticises", "criticising"]),
        ("praise", ["praised", "praises", "praising"]),
        
        ("question", ["questioned", "questioning"]),
        
        ("insinuate", ["insinuated", "insinuates"]),
        ("allege", ["alleged", "alleges", "alleging"]),
        
        ("counter", ["countered", "counters"]),
        ("retort", ["retorted", "retorts"]),
        ("quote", ["quoted", "quotes"]),
        ("brag", ["bragged", "brags"]),
        ("lament", ["lamented", "laments"]),
        ("muse", ["mused", "muses"]),
        ("plead", ["pleaded", "pleads"]),
        ("acknowledge", ["admits"]),
        ("concur", ["concurred"]),
        ("announce", ["announcing"]),
        
        ("inform", ["informed", "informs"]),
        ("remind", ["reminded", "reminds", "reminding"]),
        ("hint", ["hinted", "hints"]),
        ("speculate", ["speculated", "speculates"]),
        ("tout", ["touted", "touts", "touting"]),
        ("dismiss", ["dismissed", "dismisses", "dismissing"]),
        ("condemn", ["condemned", "condemns", "condemning"]),
        ("slam", ["slammed", "slams", "slamming"]),
        ("blast", ["blasted", "blasts", "blasting"]),
        ("defend", ["defended", "defends", "defending"]),
        ("attack", ["attacked", "attacks", "attacking"]));

    /// <summary>Cues that need a following particle to report speech ("pointed out").</summary>
    public static readonly FrozenDictionary<string, string> CueParticles = new Dictionary<string, string>
    {
        ["pointed"] = "out",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Particles and phrases written as part of a cue when they follow it ("called for", "said in a statement").</summary>
    public static readonly FrozenDictionary<string, string[]> CueTails = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["call"] = ["for", "on"],
        ["ask"] = ["about", "for"],
        ["warn"] = ["of", "about", "against"],
        ["write"] = ["about"],
        ["tweet"] = ["about"],
        ["accuse"] = ["of"],
        ["complain"] = ["about", "of"],
        ["talk"] = ["about"],
        ["respond"] = ["to"],
        // A written statement is part of the reporting phrase ("said in a statement"); a day or an interview is not.
        ["say"] = ["in a statement", "in the statement"],
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Phrases written before a participle cue as part of it ("issued a statement saying").</summary>
    public static readonly FrozenDictionary<string, string[]> CueLeads = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["saying"] = ["issued a statement", "released a statement", "put out a statement", "posted a statement"],
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Cues that name or characterise rather than report ("a website called …", "described as"): statements only when the clause quotes words.</summary>
    public static readonly FrozenSet<string> NamingCues = FrozenSet.ToFrozenSet(
        ["call", "describe", "dub", "label", "brand", "term"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Cues that report speech only with a that/to clause or a quote next to them, never alone as nouns.</summary>
    public static readonly FrozenSet<string> WeakCues = FrozenSet.ToFrozenSet(
    [
        "states", "reports", "comments", "remarks", "calls", "called", "calling", "continue", "continued", "continues",
        "describe", "described", "describes", "describing", "estimates", "estimated", "post", "posted", "signals", "signal",
        "agreed", "agrees", "agreeing", "demands", "promising", "writing", "warning", "saying", "forecast", "forecasts",
        "comment", "report", "state", "say",
    ], StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, Gender> Pronouns = new Dictionary<string, Gender>
    {
        ["he"] = Gender.Male, ["she"] = Gender.Female, ["they"] = Gender.Plural, ["it"] = Gender.Neuter,
        ["i"] = Gender.Unknown, ["we"] = Gender.Plural,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Honorifics and titles that may precede a name, with the gender they imply.</summary>
    public static readonly FrozenDictionary<string, Gender> Titles = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase)
    {
        ["Mr"] = Gender.Male, ["Mr."] = Gender.Male, ["Mrs"] = Gender.Female, ["Mrs."] = Gender.Female,
        ["Ms"] = Gender.Female, ["Ms."] = Gender.Female, ["Miss"] = Gender.Female, ["Sir"] = Gender.Male,
        ["Dame"] = Gender.Female, ["Lord"] = Gender.Male, ["Lady"] = Gender.Female, ["Madam"] = Gender.Female,
        ["Dr"] = Gender.Unknown, ["Dr."] = Gender.Unknown, ["Prof"] = Gender.Unknown, ["Prof."] = Gender.Unknown,
        ["Professor"] = Gender.Unknown, ["President"] = Gender.Unknown, ["Vice"] = Gender.Unknown, ["Premier"] = Gender.Unknown,
        ["Minister"] = Gender.Unknown, ["Prime"] = Gender.Unknown, ["Secretary"] = Gender.Unknown, ["Senator"] = Gender.Unknown,
        ["Sen."] = Gender.Unknown, ["Sen"] = Gender.Unknown, ["Rep."] = Gender.Unknown, ["Rep"] = Gender.Unknown,
        ["Representative"] = Gender.Unknown, ["Gov."] = Gender.Unknown, ["Governor"] = Gender.Unknown, ["Mayor"] = Gender.Unknown,
        ["Gen."] = Gender.Unknown, ["General"] = Gender.Unknown, ["Judge"] = Gender.Unknown, ["Justice"] = Gender.Unknown,
        ["Chancellor"] = Gender.Unknown, ["Ambassador"] = Gender.Unknown, ["Chairman"] = Gender.Unknown,
        ["Chairwoman"] = Gender.Female, ["Speaker"] = Gender.Unknown, ["King"] = Gender.Male, ["Queen"] = Gender.Female,
        ["Prince"] = Gender.Male, ["Princess"] = Gender.Female, ["Pope"] = Gender.Male, ["Rev."] = Gender.Unknown,
        ["Father"] = Gender.Male, ["Sister"] = Gender.Female, ["Col."] = Gender.Unknown, ["Lt."] = Gender.Unknown,
        ["Capt."] = Gender.Unknown, ["Sgt."] = Gender.Unknown, ["Deputy"] = Gender.Unknown, ["Director"] = Gender.Unknown,
        ["Chief"] = Gender.Unknown, ["Attorney"] = Gender.Unknown, ["Commissioner"] = Gender.Unknown, ["Leader"] = Gender.Unknown,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Lower-case words that may open a role before a name ("former Gov. Jim Hodges", "then-Secretary …").</summary>
    public static readonly FrozenSet<string> RoleModifiers = FrozenSet.ToFrozenSet(
        ["former", "then", "current", "acting", "incoming", "outgoing", "retired", "late", "longtime", "veteran", "senior", "top", "interim"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that label a headline rather than name a speaker ("Update: …", "Watch: …").</summary>
    public static readonly FrozenSet<string> HeadlineLabels = FrozenSet.ToFrozenSet(
    [
        "Update", "Updated", "Watch", "Video", "Videos", "Photo", "Photos", "Exclusive", "Breaking", "Editor", "Note", "Source",
        "Sources", "Read", "Related", "Q", "A", "Reporting", "Correction", "Analysis", "Opinion", "Live", "Poll", "Review", "Column",
        "Listen", "Podcast", "Transcript", "Full", "Graphic", "Map", "Timeline", "Explainer", "Factbox", "Fact", "Interview",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>A title, written with or without its period ("Gov", "Gov.").</summary>
    public static bool IsTitle(string word) => Titles.ContainsKey(word) || Titles.ContainsKey(word + ".");

    /// <summary>Words that end a phrase before a cue without being its subject ("… and called", "… by saying").</summary>
    public static readonly FrozenSet<string> NotSubjectEnds = FrozenSet.ToFrozenSet(
        ["and", "but", "or", "by", "after", "before", "while", "when", "without", "in", "on", "at", "of", "for", "with", "from", "to", "then", "also", "as"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Role nouns that give a speaker's gender ("a spokeswoman for the ministry").</summary>
    public static readonly FrozenDictionary<string, Gender> GenderedNouns = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase)
    {
        ["spokeswoman"] = Gender.Female, ["spokesman"] = Gender.Male, ["chairwoman"] = Gender.Female,
        ["congresswoman"] = Gender.Female, ["congressman"] = Gender.Male, ["businesswoman"] = Gender.Female,
        ["businessman"] = Gender.Male, ["mother"] = Gender.Female, ["father"] = Gender.Male, ["wife"] = Gender.Female,
        ["husband"] = Gender.Male, ["woman"] = Gender.Female, ["man"] = Gender.Male, ["daughter"] = Gender.Female,
        ["son"] = Gender.Male, ["actress"] = Gender.Female, ["actor"] = Gender.Male, ["widow"] = Gender.Female,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Capitalised words that start sentences or name days and months, never people.</summary>
    public static readonly FrozenSet<string> NotNames = FrozenSet.ToFrozenSet(
    [
        "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "When", "While", "As", "It", "He", "She", "They", "We",
        "I", "This", "That", "These", "Those", "There", "Here", "Then", "So", "Yet", "For", "After", "Before", "Since",
        "Although", "Though", "However", "Meanwhile", "Still", "Also", "Now", "Today", "Yesterday", "Tomorrow", "Asked",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "His", "Her", "Their", "Its", "Our", "My", "Your", "According", "Calling", "Speaking", "Writing", "Asked", "Some", "Many",
        "Most", "Both", "All", "Each", "Every", "No", "Not", "What", "Who", "Why", "How", "Where", "Which", "Mr", "Ms", "Mrs",
    ], StringComparer.Ordinal);

    /// <summary>Lower-case words allowed inside a name ("Ursula von der Leyen", "Charles de Gaulle").</summary>
    public static readonly FrozenSet<string> NameParticles = FrozenSet.ToFrozenSet(
        ["de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "bin", "ibn", "al", "el", "dos", "das", "y"],
        StringComparer.Ordinal);

    /// <summary>Words that make the capitalised run an organisation rather than a person.</summary>
    public static readonly FrozenSet<string> OrganisationWords = FrozenSet.ToFrozenSet(
    [
        "Administration", "Ministry", "Department", "Office", "Agency", "Commission", "Committee", "Council", "Bureau",
        "Company", "Corporation", "Corp", "Inc", "Ltd", "Group", "Bank", "University", "Institute", "Association", "Party",
        "Government", "Court", "Parliament", "Congress", "Senate", "House", "Service", "Authority", "Organization",
        "Organisation", "Foundation", "Centre", "Center", "Union", "Federation", "Board", "Police", "Army", "Navy", "Times",
        "Post", "News", "Journal", "Press", "Reuters", "Agency", "Campaign", "Club", "League", "Fund", "Network", "Network",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Determiners and quantifiers that start a descriptive speaker ("the ministry", "a spokeswoman", "some officials").</summary>
    public static readonly FrozenSet<string> Determiners = FrozenSet.ToFrozenSet(
        ["the", "a", "an", "this", "that", "these", "those", "some", "many", "several", "two", "three", "both", "his", "her", "their", "its", "other", "one", "another", "most", "few", "all"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Plural nouns that are speakers on their own ("officials said").</summary>
    public static readonly FrozenSet<string> BareSpeakers = FrozenSet.ToFrozenSet(
    [
        "officials", "analysts", "experts", "economists", "critics", "police", "authorities", "investigators", "sources",
        "witnesses", "residents", "researchers", "scientists", "lawmakers", "diplomats", "observers", "activists",
        "organizers", "organisers", "prosecutors", "doctors", "aides", "advisers", "advisors", "supporters", "opponents",
        "democrats", "republicans", "people", "voters", "protesters", "executives", "investors", "traders", "insiders",
        "fans", "groups", "leaders", "members", "officers", "agents", "staffers", "strategists", "operatives", "allies",
        "rivals", "candidates", "senators", "governors", "mayors", "judges", "lawyers", "attorneys", "teachers", "students",
        "parents", "workers", "employees", "conservatives", "liberals", "progressives", "evangelicals", "polls", "surveys",
        "reports", "documents", "records", "studies", "data", "figures", "estimates", "results", "statistics", "pollsters",
        "donors", "delegates", "superdelegates", "backers", "defenders", "detractors", "skeptics", "commentators", "pundits",
        "americans", "respondents", "participants", "organizations", "companies", "firms", "banks", "unions", "advocates",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words allowed between a subject and its cue ("has said", "also told", "later added").</summary>
    public static readonly FrozenSet<string> CueModifiers = FrozenSet.ToFrozenSet(
    [
        "also", "later", "then", "previously", "earlier", "again", "once", "has", "had", "have", "would", "will", "was", "is",
        "further", "recently", "repeatedly", "publicly", "privately", "often", "frequently", "quickly", "simply", "flatly",
        "firmly", "reportedly", "allegedly", "has", "did", "does", "do", "had", "already", "even", "never", "always", "last",
        "openly", "separately", "subsequently", "initially", "originally", "told", "could", "might", "may", "should", "shall",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words of the time and manner phrases that sit between a cue and its clause ("said on Monday in a statement that").</summary>
    public static readonly FrozenSet<string> TimeWords = FrozenSet.ToFrozenSet(
    [
        "on", "in", "at", "last", "this", "a", "an", "the", "statement", "interview", "interviews", "earlier", "later", "week",
        "month", "year", "night", "morning", "afternoon", "evening", "today", "yesterday", "tonight", "recently", "also",
        "publicly", "repeatedly", "again", "separately", "briefing", "speech", "conference", "news", "press", "post", "letter",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Auxiliaries and adverbs written as part of a cue ("has said", "also told", "is telling").</summary>
    public static readonly FrozenSet<string> CueAuxiliaries = FrozenSet.ToFrozenSet(
        ["has", "have", "had", "also", "repeatedly", "later", "now", "first", "again", "previously", "is", "are", "am", "publicly", "already", "since", "did", "does", "not", "immediately",
         "recently", "then", "once", "often", "even", "frequently", "privately", "quickly", "initially", "originally", "openly", "long", "will", "would", "could", "might", "was"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Role nouns written before a name ("chief executive Lowell McAdam", "campaign spokesman Brian Fallon").</summary>
    public static readonly FrozenSet<string> RoleNouns = FrozenSet.ToFrozenSet(
    [
        "spokesman", "spokeswoman", "spokesperson", "executive", "director", "secretary", "minister", "president", "chairman",
        "chairwoman", "chair", "officer", "official", "adviser", "advisor", "aide", "analyst", "economist", "professor", "senator",
        "representative", "governor", "mayor", "manager", "strategist", "chief", "founder", "ceo", "head", "leader", "lawyer",
        "attorney", "candidate", "nominee", "commissioner", "editor", "reporter", "correspondent", "author", "researcher",
        "scientist", "expert", "member", "organizer", "organiser", "pollster", "consultant", "operative", "host", "anchor",
        "commentator", "columnist", "activist", "coach", "general", "judge", "justice", "ambassador", "deputy", "assistant",
        "partner", "owner", "resident", "voter", "supporter", "student", "teacher", "doctor", "agent", "detective", "sheriff",
        "chancellor", "premier", "treasurer", "trustee", "constituent", "veteran", "congressman", "congresswoman", "lawmaker",
        "delegate", "staffer", "surrogate", "donor", "investor", "worker", "mother", "father", "nominee", "hopeful", "rival",
        "comedian", "actor", "actress", "singer", "writer", "blogger", "historian", "scholar", "fellow", "president-elect",
        "director-general", "secretary-general", "vice-president", "co-founder", "spokespeople", "manager", "commander",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that, after a comma, start a new clause and end a reported one (", which …", ", while …").</summary>
    public static readonly FrozenSet<string> ClauseBreakers = FrozenSet.ToFrozenSet(
        ["which", "while", "whereas", "although", "though", "according"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Lower-case words that do not start a reported clause after "said" ("said in a statement", "said of").</summary>
    public static readonly FrozenSet<string> NotClauseStarts = FrozenSet.ToFrozenSet(
    [
        "to", "in", "on", "at", "of", "for", "with", "by", "about", "from", "after", "before", "during", "as", "and", "or", "but",
        "so", "than", "earlier", "later", "recently", "yesterday", "today", "tonight", "then", "too", "also", "again", "here",
        "afterward", "afterwards", "previously", "repeatedly", "publicly", "privately", "simply", "only", "just", "not", "last",
        "into", "over", "under", "through", "via", "via", "per", "when", "while", "where", "since", "until", "upon", "against",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that turn a cue into a passive or non-speech use ("was told", "is said to be").</summary>
    public static readonly FrozenSet<string> PassiveMarkers = FrozenSet.ToFrozenSet(
        ["was", "were", "been", "being", "be", "is", "are", "get", "got"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Abbreviations whose period does not end a sentence.</summary>
    public static readonly FrozenSet<string> Abbreviations = FrozenSet.ToFrozenSet(
    [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Capt", "Sgt", "St", "Jr", "Sr", "Inc", "Co",
        "Corp", "Ltd", "No", "vs", "Mt", "Ft", "Rev", "Hon", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
        "Oct", "Nov", "Dec", "U.S", "U.K", "U.N", "D.C", "a.m", "p.m", "e.g", "i.e", "etc", "Gens", "Adm", "Cmdr", "Supt",
    ], StringComparer.Ordinal);

    /// <summary>Quote marks: each opening mark with the marks that may close it. Straight quotes close themselves.</summary>
    public static readonly FrozenDictionary<char, string> QuotePairs = new Dictionary<char, string>
    {
        ['"'] = "\"”“",
        ['“'] = "”\"“",
        ['”'] = "”\"“", // some outlets open with a right mark
        ['„'] = "“”\"",
        ['«'] = "»",
        ['»'] = "«»",
        ['「'] = "」",
        ['『'] = "』",
        ['‹'] = "›",
    }.ToFrozenDictionary();

    public static bool IsQuoteMark(char c) => QuotePairs.ContainsKey(c) || c is '»' or '」' or '』' or '›';

    private static FrozenDictionary<string, string> BuildCues(params (string Lemma, string[] Forms)[] entries)
    {
        // Lemmas whose base form is too often something else ("the state", "no comment") to be a cue.
        // Local: static fields initialise in order, and this runs for the first of them.
        HashSet<string> noBaseForm = new(StringComparer.OrdinalIgnoreCase) { "state", "comment", "remark", "post", "signal", "point out", "continue", "estimate", "quote", "charge" };
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (lemma, forms) in entries)
        {
            foreach (var form in forms)
                map.TryAdd(form, lemma);
            // The base form, for plural and infinitive subjects: "critics argue", "to tell".
            if (!noBaseForm.Contains(lemma) && !lemma.Contains(' ', StringComparison.Ordinal)) map.TryAdd(lemma, lemma);
        }
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
