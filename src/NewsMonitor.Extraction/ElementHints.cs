using System.Collections.Frozen;
using AngleSharp.Dom;

namespace NewsMonitor.Extraction;

/// <summary>Reads what an element's class, id, role and attributes say about it.</summary>
internal sealed class ElementHints
{
    /// <summary>+1 when class/id words say "content", -1 when they say "boilerplate", 0 otherwise or both.</summary>
    public int ClassWeight(IElement element)
    {
        var hints = Scan(element);
        var negative = hints.Strong || hints.Weak;
        return hints.Positive == negative ? 0 : hints.Positive ? 1 : -1;
    }

    /// <summary>Class/id/role say the element is boilerplate (strongly) and nothing marks it as content.</summary>
    public bool IsUnlikely(IElement element)
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
    public bool LeansBoilerplate(IElement element)
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

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Positive = BoilerplateRules.PositiveWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Strong = BoilerplateRules.StrongNegativeWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Weak = BoilerplateRules.WeakNegativeWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // Reading class names is the hottest part of locating content, and each element is asked several
    // times: one instance per extraction caches the answers, and spans avoid allocating words.
    private readonly Dictionary<IElement, Hints> _cache = new(ReferenceEqualityComparer.Instance);

    private Hints Scan(IElement element)
    {
        if (_cache.TryGetValue(element, out var cached)) return cached;
        var hints = new Hints();
        ScanValue(element.GetAttribute("class"), ref hints);
        ScanValue(element.Id, ref hints);
        _cache[element] = hints;
        return hints;
    }

    private static void ScanValue(string? value, ref Hints hints)
    {
        if (string.IsNullOrEmpty(value)) return;
        var all = value.AsSpan();
        // Whole class names first ("entry-content", "read-more"), then their words ("entry", "content").
        foreach (var range in all.SplitAny(" \t\n\r\f"))
        {
            var name = all[range];
            if (name.IsEmpty) continue;
            Classify(name, ref hints);
            var start = 0;
            for (var i = 0; i <= name.Length; i++)
            {
                if (i < name.Length && !(name[i] is '-' or '_' or ':' or '.' or '/' || char.IsDigit(name[i]))) continue;
                if (i > start)
                {
                    var word = name[start..i];
                    Classify(word, ref hints);
                    if (HasNegativePrefix(word)) hints.Strong = true;
                }
                start = i + 1;
            }
        }
    }

    private static void Classify(ReadOnlySpan<char> word, ref Hints hints)
    {
        if (Positive.Contains(word)) hints.Positive = true;
        else if (Strong.Contains(word)) hints.Strong = true;
        else if (Weak.Contains(word)) hints.Weak = true;
    }

    private static bool HasNegativePrefix(ReadOnlySpan<char> word)
    {
        foreach (var prefix in BoilerplateRules.StrongNegativePrefixes)
            if (word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
