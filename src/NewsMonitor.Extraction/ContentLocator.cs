using AngleSharp.Dom;

namespace NewsMonitor.Extraction;

/// <summary>
/// Finds the element(s) holding the article in a parsed page: prunes what never holds article text,
/// scores paragraph containers by text, commas and class hints (discounted by link density), then
/// takes the best container together with siblings that score like it.
/// </summary>
internal sealed class ContentLocator
{
    private const int MinParagraphChars = 25;

    private readonly Dictionary<IElement, NodeStats> _stats = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IElement, double> _scores = new(ReferenceEqualityComparer.Instance);
    private bool _singleArticle;

    /// <summary>Class/id hints of this page's elements (cached per extraction).</summary>
    public ElementHints Hints { get; } = new();
    private IElement? _headline;

    private struct NodeStats
    {
        /// <summary>Position in document order (pre-order).</summary>
        public int Order;
        /// <summary>Document-order position of the first prose paragraph inside, or int.MaxValue.</summary>
        public int FirstProse;
        public int Text;
        public int Link;
        public int Commas;
        /// <summary>Text in paragraphs of prose (&lt;p&gt; with at least <see cref="ProseChars"/> characters, few links).</summary>
        public int Prose;
    }

    private const int ProseChars = 80;

    /// <summary>The elements to read the article from, in document order; empty when the page has no body.</summary>
    public IReadOnlyList<IElement> Locate(IDocument document, string? title = null)
    {
        var body = document.Body;
        if (body is null) return [];

        Prune(body, static e => BoilerplateRules.DroppedTags.Contains(e.LocalName) || ElementHints.IsHidden(e));
        ComputeStats(body);
        var (bodyText, bodyProse) = (Stats(body).Text, Stats(body).Prose);
        // An element that holds most of the page's text or prose is not boilerplate, whatever its tag or class says.
        Prune(body, e => Hints.IsUnlikely(e) && Stats(e).Text < bodyText / 2 && (bodyProse == 0 || Stats(e).Prose < bodyProse / 2));

        _singleArticle = body.GetElementsByTagName("article").Length == 1;
        ScoreParagraphs(body);
        _headline = FindHeadline(body, title);
        var top = PickTopCandidate(body);
        return top is null ? [body] : WithSiblings(top);
    }

    /// <summary>The best candidates of the last <see cref="Locate"/>, for diagnostics (bench explain).</summary>
    internal IReadOnlyList<(IElement Element, double Score)> Ranking { get; private set; } = [];

    public double LinkDensity(IElement element)
    {
        var stats = Stats(element);
        return stats.Text == 0 ? 0 : (double)stats.Link / stats.Text;
    }

    public int TextLength(IElement element) => Stats(element).Text;

    private NodeStats Stats(IElement element) => _stats.TryGetValue(element, out var s) ? s : default;

    /// <summary>Removes every element matching <paramref name="drop"/>, without recursion (pages can nest deeply).</summary>
    /// <summary>Elements removed as boilerplate by the last <see cref="Locate"/> (diagnostics), with their text length.</summary>
    internal List<(string Tag, string? Class, int Text)> Pruned { get; } = [];

    private void Prune(IElement root, Func<IElement, bool> drop)
    {
        var doomed = new List<IElement>();
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            for (var child = element.FirstElementChild; child is not null; child = child.NextElementSibling)
            {
                if (drop(child)) doomed.Add(child);
                else stack.Push(child);
            }
        }
        foreach (var element in doomed)
        {
            if (_stats.Count > 0)
            {
                // Keep the totals true without a second pass: what leaves a subtree leaves its ancestors too.
                var gone = Stats(element);
                Pruned.Add((element.LocalName, element.GetAttribute("class") ?? element.Id, gone.Text));
                for (var ancestor = element.ParentElement; ancestor is not null && _stats.TryGetValue(ancestor, out var stats); ancestor = ancestor.ParentElement)
                {
                    stats.Text -= gone.Text;
                    stats.Link -= gone.Link;
                    stats.Commas -= gone.Commas;
                    stats.Prose -= gone.Prose;
                    _stats[ancestor] = stats;
                }
            }
            element.Remove();
        }
    }

    private void ComputeStats(IElement root)
    {
        // Post-order over an explicit stack: children's totals are known before their parent's.
        var stack = new Stack<(IElement Element, bool Exit)>();
        var orders = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        var order = 0;
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (element, exit) = stack.Pop();
            if (!exit)
            {
                orders[element] = order++;
                stack.Push((element, true));
                // Children pushed last-first, so they are visited in document order.
                for (var child = element.LastElementChild; child is not null; child = child.PreviousElementSibling)
                    stack.Push((child, false));
                continue;
            }
            var stats = new NodeStats { Order = orders[element], FirstProse = int.MaxValue };
            var isLink = element.LocalName == "a";
            for (var node = element.FirstChild; node is not null; node = node.NextSibling)
            {
                if (node is IText text)
                {
                    var (length, commas) = Measure(text.Data);
                    stats.Text += length;
                    stats.Commas += commas;
                }
                else if (node is IElement child && _stats.TryGetValue(child, out var childStats))
                {
                    stats.Text += childStats.Text;
                    stats.Commas += childStats.Commas;
                    stats.Link += childStats.Link;
                    stats.Prose += childStats.Prose;
                    stats.FirstProse = Math.Min(stats.FirstProse, childStats.FirstProse);
                }
            }
            if (isLink) stats.Link = stats.Text;
            if (element.LocalName == "p" && stats.Text >= ProseChars && stats.Link * 4 < stats.Text)
            {
                stats.Prose = stats.Text;
                stats.FirstProse = Math.Min(stats.FirstProse, stats.Order);
            }
            _stats[element] = stats;
        }
    }

    private static (int Length, int Commas) Measure(string data)
    {
        var length = 0;
        var commas = 0;
        var inSpace = true;
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!inSpace) length++;
                inSpace = true;
                continue;
            }
            inSpace = false;
            length++;
            if (c is ',' or '，' or '、' or '،') commas++;
        }
        return (length, commas);
    }

    /// <summary>The page's headline: the &lt;h1&gt; that matches the title, else the first &lt;h1&gt;.</summary>
    private static IElement? FindHeadline(IElement body, string? title)
    {
        IElement? first = null;
        foreach (var heading in body.GetElementsByTagName("h1"))
        {
            first ??= heading;
            if (title is not null && TextNormaliser.Collapse(heading.TextContent).Equals(title, StringComparison.OrdinalIgnoreCase)) return heading;
        }
        return first;
    }

    /// <summary>
    /// The article body starts soon after its headline. Content that starts right after the headline is
    /// favoured; content that ends before it (a teaser list above the story) is not.
    /// </summary>
    private double HeadlineFactor(IElement candidate)
    {
        if (_headline is null || !_stats.TryGetValue(_headline, out var headline)) return 1;
        var first = Stats(candidate).FirstProse;
        if (first == int.MaxValue) return 1;
        var distance = first - headline.Order;
        return distance switch
        {
            < 0 => candidate.Contains(_headline) ? 1 : 0.7,
            <= 120 => 1.3,
            <= 600 => 1,
            _ => 0.85,
        };
    }

    private void ScoreParagraphs(IElement body)
    {
        var stack = new Stack<IElement>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            for (var child = element.FirstElementChild; child is not null; child = child.NextElementSibling)
                stack.Push(child);
            if (!IsParagraphUnit(element)) continue;
            var stats = Stats(element);
            if (stats.Text < MinParagraphChars) continue;

            var score = 1.0 + stats.Commas + Math.Min(stats.Text / 100, 3);
            score *= 1 - LinkDensity(element);
            var level = 0;
            for (var ancestor = element.ParentElement; ancestor is not null && level < 5; ancestor = ancestor.ParentElement, level++)
            {
                var divider = level switch { 0 => 1.0, 1 => 2.0, _ => level * 3.0 };
                if (!_scores.TryGetValue(ancestor, out var current)) current = InitialScore(ancestor);
                _scores[ancestor] = current + score / divider;
            }
        }
    }

    private static bool IsParagraphUnit(IElement element)
    {
        switch (element.LocalName)
        {
            case "p" or "pre" or "td":
                return true;
            case "blockquote" or "div" or "section" or "article" or "font" or "span" or "dd" or "li":
                for (var child = element.FirstElementChild; child is not null; child = child.NextElementSibling)
                    if (BoilerplateRules.BlockTags.Contains(child.LocalName) && child.LocalName != "br") return false;
                // A leaf block with its own text: many sites write paragraphs as <div>s.
                return element.LocalName != "li" || element.TextContent.Length > 100;
            default:
                return false;
        }
    }

    private double InitialScore(IElement element)
    {
        var score = element.LocalName switch
        {
            // Only a page's one <article> says "this is the story"; many of them are teaser cards.
            "article" => _singleArticle ? 10 : 5,
            "div" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        score += 25 * Hints.ClassWeight(element);
        if (element.GetAttribute("itemprop") is { } itemprop && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
            score += 25;
        return score;
    }

    private IElement? PickTopCandidate(IElement body)
    {
        if (_scores.Count == 0) return null;
        var ranked = _scores
            .Select(pair => (Element: pair.Key, Score: pair.Value * (1 - LinkDensity(pair.Key)) * HeadlineFactor(pair.Key)))
            .OrderByDescending(c => c.Score)
            .Take(8)
            .ToList();
        Ranking = ranked;
        var (top, topScore) = ranked[0];
        if (topScore <= 0) return null;

        // When several strong candidates share an ancestor, the article is split across them
        // (paragraph groups between ad slots, for example): take the ancestor.
        var strong = ranked.Skip(1).Where(c => c.Score >= topScore * 0.75).Select(c => c.Element).ToList();
        if (strong.Count >= 2)
        {
            for (var ancestor = top.ParentElement; ancestor is not null && ancestor != body; ancestor = ancestor.ParentElement)
            {
                var contained = strong.Count(e => ancestor.Contains(e));
                if (contained >= 2)
                {
                    top = ancestor;
                    break;
                }
            }
        }

        // Climb while the parent adds only prose: a lead paragraph or a second body part in a neighbouring
        // container belongs to the article; a parent that adds link lists or short labels does not.
        for (var level = 0; level < 4 && top.ParentElement is { } parent && parent != body; level++)
        {
            var (outer, inner) = (Stats(parent), Stats(top));
            var extraText = outer.Text - inner.Text;
            if (extraText > 0)
            {
                var extraLinks = outer.Link - inner.Link;
                var extraProse = outer.Prose - inner.Prose;
                if (extraLinks * 5 >= extraText || extraProse * 3 < extraText * 2 || Hints.LeansBoilerplate(parent)) break;
            }
            top = parent;
        }
        return top;
    }

    private List<IElement> WithSiblings(IElement top)
    {
        var parent = top.ParentElement;
        if (parent is null) return [top];
        var topScore = _scores.GetValueOrDefault(top);
        var threshold = Math.Max(10, topScore * 0.2);
        var result = new List<IElement>();
        for (var sibling = parent.FirstElementChild; sibling is not null; sibling = sibling.NextElementSibling)
        {
            if (sibling == top)
            {
                result.Add(sibling);
                continue;
            }
            var bonus = Hints.ClassWeight(sibling) > 0 && Hints.ClassWeight(top) > 0 ? topScore * 0.2 : 0;
            if (_scores.TryGetValue(sibling, out var score) && score + bonus >= threshold)
            {
                result.Add(sibling);
                continue;
            }
            var length = Stats(sibling).Text;
            var density = LinkDensity(sibling);
            if (sibling.LocalName == "p")
            {
                if ((length > 80 && density < 0.25) || (length is > 0 and <= 80 && density == 0 && sibling.TextContent.TrimEnd().EndsWith('.')))
                    result.Add(sibling);
            }
            else if (Stats(sibling).Prose >= 100 && density < 0.2 && !Hints.LeansBoilerplate(sibling))
            {
                // A neighbouring block of prose: the article split over several containers.
                result.Add(sibling);
            }
        }
        return result;
    }
}
