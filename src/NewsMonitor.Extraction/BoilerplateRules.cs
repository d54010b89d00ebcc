using System.Collections.Frozen;

namespace NewsMonitor.Extraction;

/// <summary>
/// The data the extractor uses to recognise boilerplate and content. Kept in one place so tuning
/// changes a table, not code.
/// </summary>
internal static class BoilerplateRules
{
    /// <summary>Elements that never hold article text.</summary>
    public static readonly FrozenSet<string> DroppedTags = FrozenSet.ToFrozenSet(
    [
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button",
        "input", "select", "textarea", "option", "label",
        "link", "meta", "head", "math", "video", "audio", "source", "picture", "img", "map",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements that are boilerplate by their tag, unless they hold most of the page (some sites wrap the article in an aside).</summary>
    public static readonly FrozenSet<string> BoilerplateTags = FrozenSet.ToFrozenSet(
        ["nav", "aside", "footer", "dialog", "menu", "form"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements that break text into separate blocks.</summary>
    public static readonly FrozenSet<string> BlockTags = FrozenSet.ToFrozenSet(
    [
        "address", "article", "blockquote", "body", "center", "dd", "details", "div", "dl", "dt", "figure", "figcaption",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "html", "caption", "fieldset", "legend",
    ], StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> HeadingTags = FrozenSet.ToFrozenSet(
        ["h1", "h2", "h3", "h4", "h5", "h6"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Class/id words that say a block is not the article: comments, navigation, sharing, promos,
    /// dialogs. Blocks marked with these are removed before scoring (unless they hold most of the page).
    /// </summary>
    public static readonly FrozenSet<string> StrongNegativeWords = FrozenSet.ToFrozenSet(
    [
        "advert", "advertisement", "advertising", "adslot", "adsbygoogle", "adunit", "dfp", "sponsor", "sponsored", "outbrain", "taboola",
        "share", "sharing", "sharedaddy", "social", "socials", "sociallinks", "shariff",
        "comment", "comments", "respond", "disqus", "discussion",
        "related", "recommended", "recommendations", "morestories", "readmore", "read-more",
        "newsletter", "subscribe", "subscription", "signup", "paywall", "registration", "login", "signin", "register",
        "cookie", "cookies", "consent", "gdpr",
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "pagination", "pager", "postnav", "skip", "skiplink",
        "sidebar", "footer",
        "modal", "popup", "overlay", "lightbox", "dialog",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Class/id words that lean towards boilerplate: they lower a container's score, and small blocks
    /// marked with them are left out of the chosen article, but they never remove a container outright
    /// (sites put "has-ads" or "header" on the article's own wrappers).
    /// </summary>
    public static readonly FrozenSet<string> WeakNegativeWords = FrozenSet.ToFrozenSet(
    [
        "ad", "ads", "adv", "banner", "widget", "widgets", "promo", "promotion", "teaser", "teasers", "trending", "popular", "more", "reply",
        "masthead", "header", "topbar", "toolbar", "tools", "print",
        "caption", "credit", "credits", "copyright", "wp-caption-text", "figcaption",
        "tags", "tag", "tagcloud", "taglist", "categories", "category", "topics", "keywords",
        "author-bio", "authorbio", "bio", "about-author", "byline", "dateline", "meta", "postmeta", "entry-meta", "timestamp",
        "hidden", "hide", "sr-only", "visually-hidden", "screen-reader-text",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Class/id word prefixes that mark boilerplate (compound words like "sharebar", "newsletterbox").</summary>
    public static readonly string[] StrongNegativePrefixes =
    [
        "advert", "sponsor", "share", "social", "comment", "related", "recommend", "newsletter", "subscri",
        "cookie", "consent", "breadcrumb", "sidebar", "outbrain", "taboola", "paywall",
    ];

    /// <summary>Class/id words that mark article content.</summary>
    public static readonly FrozenSet<string> PositiveWords = FrozenSet.ToFrozenSet(
    [
        "article", "articlebody", "article-body", "body", "content", "entry", "entry-content", "main", "post", "post-content",
        "story", "storybody", "story-body", "text", "prose", "blog", "page", "hentry", "news", "column", "rich-text", "richtext",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Phrases that make a short paragraph boilerplate: follow/share lines, comment prompts, promos,
    /// credits, "read more" pointers — in the languages the web writes them in. Matched
    /// case-insensitively anywhere in paragraphs shorter than <see cref="ShortParagraph"/>.
    /// </summary>
    public static readonly string[] BoilerplatePhrases =
    [
        // English
        "join the conversation", "follow us", "follow me on", "keep up with me on", "like us on", "find us on",
        "leave a comment", "leave a reply", "post a comment", "add a comment", "comments are closed", "no comments yet",
        "you must be logged in", "share this", "share on", "share via", "click to share", "tweet this",
        "sign up for", "sign up to", "sign up here", "subscribe to", "subscribe now", "newsletter", "download our app",
        "download the", "apps for ios", "app store", "google play", "subscriber", "log in for", "already a member",
        "read more", "read also", "see also", "related articles", "related stories", "related coverage", "more stories",
        "recommended for you", "explore further", "min read", "you may also like", "also read",
        "all rights reserved", "copyright ©", "© copyright", "copyrighted", "written permission", "without permission",
        "cookie", "accept all", "advertisement", "sponsored content", "affiliate link", "not responsible for the opinions",
        "previous article", "next article", "previous post", "next post", "back to top", "skip to content",
        "print this", "email this", "report an error", "contact the author", "image source", "photo:", "photo credit",
        "getty images", "credit:", "if you enjoyed", "support our work", "help us continue", "send us a",
        "photograph by", "we want to hear what you think", "advertising disclaimer", "print recipe",
        // German
        "auch interessant", "weiterlesen", "mehr zum thema", "mehr themen", "zum weiterlesen", "lesen sie auch",
        "das könnte sie", "das könnte dich", "könnte dich auch", "schon gelesen", "über den autor", "über die autorin",
        "inhaltsverzeichnis", "weitere informationen:", "kontakt:", "quelle:", "foto:", "fotos:", "bild:", "titelbild",
        "beitragsbild", "bildquelle", "aktualisiert am", "letzte aktualisierung", "stand:", "veröffentlicht am",
        "veröffentlichung:", "alle angaben ohne gewähr", "nicht eingeloggt", "kommentare geschlossen", "kommentar schreiben",
        "kommentare schreiben", "jetzt abonnieren", "jetzt anmelden", "werbung", "anzeige", "affiliate", "gefällt mir",
        "teilen:", "artikel teilen", "folgen sie uns", "alle rechte vorbehalten", "weiter zu",
        "keine kommentare", "in den kommentaren", "sich einloggen", "noch keine bewertungen", "rezept drucken",
        "als pdf herunterladen", "respektieren deine privatsphäre", "respektieren ihre privatsphäre",
        // French, Spanish, Italian, Portuguese, Polish
        "crédits photos", "crédit photo", "lire aussi", "à lire aussi", "pour lire la suite", "abonnez-vous", "tous droits réservés",
        "lee también", "leer más", "te puede interesar", "síguenos", "siguenos", "suscríbete", "artículos relacionados", "canal de telegram", "canal de youtube",
        "hazte miembro", "todos los derechos reservados", "leggi anche", "iscriviti", "tutti i diritti riservati",
        "leia também", "assine", "czytaj także", "czytaj też", "prawa zastrzeżone", "chroniony prawem", "do subskrypcji",
    ];

    /// <summary>Social networks a "follow …" line points to.</summary>
    public static readonly string[] SocialNetworks =
        ["twitter", "facebook", "instagram", "youtube", "linkedin", "tiktok", "telegram", "whatsapp", "threads", "bluesky", "mastodon", "pinterest"];

    /// <summary>How a call to follow an outlet begins, in the languages above.</summary>
    public static readonly string[] FollowOpenings =
        ["follow ", "like ", "find ", "connect with ", "join ", "folgen sie ", "folge ", "síguenos", "siguenos", "siga ", "suivez", "seguici", "obserwuj"];

    /// <summary>A follow line this long or longer is article text that happens to name a network.</summary>
    public const int LongFollowLine = 400;

    /// <summary>Paragraphs at least this long are never dropped for a phrase alone.</summary>
    public const int ShortParagraph = 200;

    /// <summary>Blocks shorter than this at the very start or end of the article are trimmed when they read like labels, not sentences.</summary>
    public const int EdgeLabelChars = 50;

    /// <summary>Phrases that make an element a boilerplate section when they are its heading.</summary>
    public static readonly string[] BoilerplateHeadings =
    [
        "leave a comment", "leave a reply", "comments", "related", "related articles", "related stories", "more stories",
        "more from", "read more", "read next", "recommended", "most popular", "most read", "trending", "share this",
        "about the author", "tags", "you may also like", "you might also like", "also read", "popular posts",
    ];
}
