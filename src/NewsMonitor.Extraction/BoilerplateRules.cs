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
        "input", "select", "textarea", "option", "label", "nav", "aside", "footer", "dialog", "menu",
        "link", "meta", "head", "math", "video", "audio", "source", "picture", "img", "map",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements that break text into separate blocks.</summary>
    public static readonly FrozenSet<string> BlockTags = FrozenSet.ToFrozenSet(
    [
        "address", "article", "blockquote", "body", "center", "dd", "details", "div", "dl", "dt", "figure", "figcaption",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "html", "caption", "fieldset", "legend",
    ], StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> HeadingTags = FrozenSet.ToFrozenSet(
        ["h1", "h2", "h3", "h4", "h5", "h6"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Class/id words that mark a block as not part of the article.</summary>
    public static readonly FrozenSet<string> NegativeWords = FrozenSet.ToFrozenSet(
    [
        "ad", "ads", "adv", "advert", "advertisement", "advertising", "adslot", "adsbygoogle", "adunit", "dfp", "banner",
        "sponsor", "sponsored", "promo", "promotion", "outbrain", "taboola", "teaser", "teasers",
        "share", "sharing", "shares", "sharedaddy", "social", "socials", "follow", "sociallinks",
        "comment", "comments", "respond", "reply", "disqus", "discussion",
        "related", "recommended", "recommendations", "morestories", "more", "readmore", "read-more", "trending", "popular",
        "newsletter", "subscribe", "subscription", "signup", "paywall", "registration",
        "cookie", "cookies", "consent", "gdpr", "privacy",
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "pagination", "pager", "postnav", "skip",
        "sidebar", "widget", "widgets", "footer", "masthead", "header", "topbar",
        "caption", "credit", "credits", "copyright", "wp-caption-text", "figcaption",
        "tags", "tag", "tagcloud", "taglist", "categories", "category", "topics", "keywords",
        "author-bio", "authorbio", "bio", "about-author", "byline", "dateline", "meta", "postmeta", "entry-meta", "timestamp",
        "print", "toolbar", "tools", "hidden", "modal", "popup", "overlay", "lightbox", "hide", "sr-only", "visually-hidden",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Class/id word prefixes that mark boilerplate (compound words like "sharebar", "newsletterbox").</summary>
    public static readonly string[] NegativePrefixes =
    [
        "advert", "sponsor", "promo", "share", "social", "comment", "related", "recommend", "newsletter", "subscri",
        "cookie", "consent", "breadcrumb", "sidebar", "widget", "outbrain", "taboola", "paywall", "teaser",
    ];

    /// <summary>Class/id words that mark article content.</summary>
    public static readonly FrozenSet<string> PositiveWords = FrozenSet.ToFrozenSet(
    [
        "article", "articlebody", "article-body", "body", "content", "entry", "entry-content", "main", "post", "post-content",
        "story", "storybody", "story-body", "text", "prose", "blog", "page", "hentry", "news", "column", "rich-text", "richtext",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Phrases that make a short paragraph boilerplate: follow/share lines, comment prompts, promos.
    /// Matched case-insensitively anywhere in paragraphs shorter than <see cref="ShortParagraph"/>.
    /// </summary>
    public static readonly string[] BoilerplatePhrases =
    [
        "join the conversation", "follow us", "follow at", "follow on", "follow me on", "like us on", "find us on",
        "leave a comment", "leave a reply", "post a comment", "add a comment", "comments are closed", "no comments yet",
        "you must be logged in", "share this", "share on", "share via", "click to share", "tweet this",
        "sign up for", "sign up to", "subscribe to", "subscribe now", "newsletter", "get our", "download our app",
        "read more", "read also", "see also", "related articles", "related stories", "more stories", "recommended for you",
        "all rights reserved", "copyright ©", "© copyright", "cookie", "accept all", "advertisement", "sponsored content",
        "previous article", "next article", "previous post", "next post", "back to top", "skip to content",
        "print this", "email this", "report an error", "contact the author", "image source", "photo:", "getty images",
    ];

    /// <summary>Paragraphs at least this long are never dropped for a phrase alone.</summary>
    public const int ShortParagraph = 160;

    /// <summary>Phrases that make an element a boilerplate section when they are its heading.</summary>
    public static readonly string[] BoilerplateHeadings =
    [
        "leave a comment", "leave a reply", "comments", "related", "related articles", "related stories", "more stories",
        "more from", "read more", "read next", "recommended", "most popular", "most read", "trending", "share this",
        "about the author", "tags", "you may also like", "you might also like", "also read", "popular posts",
    ];
}
