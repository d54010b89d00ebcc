using AngleSharp.Dom;

namespace NewsMonitor.Extraction;

/// <summary>Reads what an element's class, id, role and attributes say about it.</summary>
internal static class ElementHints
{
    /// <summary>+1 when class/id words say "content", -1 when they say "boilerplate", 0 otherwise or both.</summary>
    public static int ClassWeight(IElement element)
    {
        var hints = Scan(element);
        var negative = hints.Strong || hints.Weak;
        return hints.Positive == negative ? 0 : hints.Positive ? 1 : -1;
    }

    /// <summary>Class/id/role say the element is boilerplate (strongly) and nothing marks it as content.</summary>
    public static bool IsUnlikely(IElement element)
    {
        if (IsExempt(element)) return false;
        var role = element.GetAttribute("role");
        if (role is "navigation" or "complementary" or "banner" or "contentinfo" or "dialog" or "alertdialog" or "menu" or "menubar" or "search")
            return true;
        if (BoilerplateRules.BoilerplateTags.Contains(element.LocalName)) return true;
        var hints = Scan(element);
        return hints.Strong && !hints.Positive;
    }

    /// <summary>Any negative class/id word, weak or strong, and nothing marks it as content.</summary>
    public static bool LeansBoilerplate(IElement element)
    {
        if (IsExempt(element)) return false;
        var hints = Scan(element);
        return (hints.Strong || hints.Weak) && !hints.Positive;
    }

    private static bool IsExempt(IElement element)
    {
        if (element.LocalName is "body" or "html" or "article" or "main" or "a") return true;
        return element.GetAttribute("itemprop") is { } itemprop && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden")) return true;
        if (string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        var style = element.GetAttribute("style");
        if (style is null) return false;
        return ContainsDeclaration(style, "display", "none") || ContainsDeclaration(style, "visibility", "hidden");
    }

    private static bool ContainsDeclaration(string style, string property, string value)
    {
        var at = style.IndexOf(property, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return false;
        var rest = style.AsSpan(at + property.Length).TrimStart();
        if (rest.IsEmpty || rest[0] != ':') return false;
        return rest[1..].TrimStart().StartsWith(value, StringComparison.OrdinalIgnoreCase);
    }

    private record struct Hints(bool Positive, bool Strong, bool Weak);

    private static Hints Scan(IElement element)
    {
        var hints = new Hints();
        ScanValue(element.GetAttribute("class"), ref hints);
        ScanValue(element.Id, ref hints);
        return hints;
    }

    private static void ScanValue(string? value, ref Hints hints)
    {
        if (string.IsNullOrEmpty(value)) return;
        // Whole class names first ("entry-content", "read-more"), then their words.
        foreach (var name in value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lower = name.ToLowerInvariant();
            Classify(lower, ref hints);
            foreach (var word in SplitWords(lower))
            {
                Classify(word, ref hints);
                if (HasNegativePrefix(word)) hints.Strong = true;
            }
        }
    }

    private static void Classify(string word, ref Hints hints)
    {
        if (BoilerplateRules.PositiveWords.Contains(word)) hints.Positive = true;
        else if (BoilerplateRules.StrongNegativeWords.Contains(word)) hints.Strong = true;
        else if (BoilerplateRules.WeakNegativeWords.Contains(word)) hints.Weak = true;
    }

    private static IEnumerable<string> SplitWords(string name)
    {
        var start = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i == name.Length || name[i] is '-' or '_' or ':' or '.' or '/' || char.IsDigit(name[i]))
            {
                if (i > start) yield return name[start..i];
                start = i + 1;
            }
        }
    }

    private static bool HasNegativePrefix(string word)
    {
        foreach (var prefix in BoilerplateRules.StrongNegativePrefixes)
            if (word.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }
}
