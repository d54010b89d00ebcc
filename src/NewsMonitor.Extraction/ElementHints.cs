using AngleSharp.Dom;

namespace NewsMonitor.Extraction;

/// <summary>Reads what an element's class, id, role and attributes say about it.</summary>
internal static class ElementHints
{
    /// <summary>+1 when class/id words say "content", -1 when they say "boilerplate", 0 otherwise or both.</summary>
    public static int ClassWeight(IElement element)
    {
        var (positive, negative) = Scan(element);
        return positive == negative ? 0 : positive ? 1 : -1;
    }

    /// <summary>Class/id/role mark the element as boilerplate and nothing marks it as content.</summary>
    public static bool IsUnlikely(IElement element)
    {
        var tag = element.LocalName;
        if (tag is "body" or "html" or "article" or "main" or "a") return false;
        if (element.GetAttribute("itemprop") is { } itemprop && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
            return false;
        var role = element.GetAttribute("role");
        if (role is "navigation" or "complementary" or "banner" or "contentinfo" or "dialog" or "alertdialog" or "menu" or "menubar")
            return true;
        var (positive, negative) = Scan(element);
        return negative && !positive;
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

    private static (bool Positive, bool Negative) Scan(IElement element)
    {
        var positive = false;
        var negative = false;
        ScanValue(element.GetAttribute("class"), ref positive, ref negative);
        ScanValue(element.Id, ref positive, ref negative);
        return (positive, negative);
    }

    private static void ScanValue(string? value, ref bool positive, ref bool negative)
    {
        if (string.IsNullOrEmpty(value)) return;
        // Whole class names first ("entry-content", "read-more"), then their words.
        foreach (var name in value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lower = name.ToLowerInvariant();
            if (BoilerplateRules.PositiveWords.Contains(lower)) positive = true;
            else if (BoilerplateRules.NegativeWords.Contains(lower)) negative = true;
            foreach (var word in SplitWords(lower))
            {
                if (BoilerplateRules.PositiveWords.Contains(word)) positive = true;
                else if (BoilerplateRules.NegativeWords.Contains(word) || HasNegativePrefix(word)) negative = true;
            }
        }
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
        foreach (var prefix in BoilerplateRules.NegativePrefixes)
            if (word.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }
}
