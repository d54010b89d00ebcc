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

    private struct NodeStats
    {
        public int Text;
        public int Link;
        public int Commas;
    }

    /// <summary>The elements to read the article from, in document order; empty when the page has no body.</summary>
    public IReadOnlyList<IElement> Locate(IDocument document)
    {
        var body = document.Body;
        if (body is null) return [];

        Prune(body, static e => BoilerplateRules.DroppedTags.Contains(e.LocalName) || ElementHints.IsHidden(e));
        ComputeStats(body);
        var bodyText = Stats(body).Text;
        // An element that holds most of the page's text is not boilerplate, whatever its class says.
        Prune(body, e => ElementHints.IsUnlikely(e) && Stats(e).Text < bodyText / 2);
        _stats.Clear();
        ComputeStats(body);

        ScoreParagraphs(body);
        var top = PickTopCandidate(body);
        return top is null ? [body] : WithSiblings(top);
    }

    public double LinkDensity(IElement element)
    {
        var stats = Stats(element);
        return stats.Text == 0 ? 0 : (double)stats.Link / stats.Text;
    }

    public int TextLength(IElement element) => Stats(element).Text;

    private NodeStats Stats(IElement element) => _stats.TryGetValue(element, out var s) ? s : default;

    /// <summary>Removes every element matching <paramref name="drop"/>, without recursion (pages can nest deeply).</summary>
    private static void Prune(IElement root, Func<IElement, bool> drop)
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
        foreach (var element in doomed) element.Remove();
    }

    private void ComputeStats(IElement root)
    {
        // Post-order over an explicit stack: children's totals are known before their parent's.
        var stack = new Stack<(IElement Element, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (element, exit) = stack.Pop();
            if (!exit)
            {
                stack.Push((element, true));
                for (var child = element.FirstElementChild; child is not null; child = child.NextElementSibling)
                    stack.Push((child, false));
                continue;
            }
            var stats = default(NodeStats);
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
                }
            }
            if (isLink) stats.Link = stats.Text;
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

    private static double InitialScore(IElement element)
    {
        var score = element.LocalName switch
        {
            "article" => 10,
            "div" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        score += 25 * ElementHints.ClassWeight(element);
        if (element.GetAttribute("itemprop") is { } itemprop && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
            score += 25;
        return score;
    }

    private IElement? PickTopCandidate(IElement body)
    {
        if (_scores.Count == 0) return null;
        var ranked = _scores
            .Select(pair => (Element: pair.Key, Score: pair.Value * (1 - LinkDensity(pair.Key))))
            .OrderByDescending(c => c.Score)
            .Take(8)
            .ToList();
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

        // A candidate that is its parent's only content child says nothing more than its parent.
        while (top.ParentElement is { } parent && parent != body && parent.ChildElementCount == 1 && Stats(parent).Text == Stats(top).Text)
            top = parent;
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
            var bonus = ElementHints.ClassWeight(sibling) > 0 && ElementHints.ClassWeight(top) > 0 ? topScore * 0.2 : 0;
            if (_scores.TryGetValue(sibling, out var score) && score + bonus >= threshold)
            {
                result.Add(sibling);
                continue;
            }
            if (sibling.LocalName == "p")
            {
                var length = Stats(sibling).Text;
                var density = LinkDensity(sibling);
                if ((length > 80 && density < 0.25) || (length is > 0 and <= 80 && density == 0 && sibling.TextContent.TrimEnd().EndsWith('.')))
                    result.Add(sibling);
            }
        }
        return result;
    }
}
