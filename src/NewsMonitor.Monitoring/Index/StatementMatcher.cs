using System.Text.RegularExpressions;

namespace NewsMonitor.Monitoring.Index;

/// <summary>
/// Decides whether two reported texts are the same statement. Outlets change punctuation and quote
/// marks, cut a passage with an ellipsis, or trim a clause at either end; they do not change the words
/// they keep. So: the shorter text's words, fragment by fragment (split at ellipses), must appear in
/// order and contiguously in the longer, and must be enough of it to be the same statement. A word
/// inserted inside a kept passage ("will" / "will not") breaks contiguity: different statements.
/// </summary>
public static partial class StatementMatcher
{
    /// <summary>Shorter texts merge only when their words are identical: a few common words prove nothing.</summary>
    public const int MinWordsForPartialMatch = 6;

    /// <summary>The shorter text must be at least this share of the longer's words.</summary>
    public const double MinShare = 0.5;

    /// <summary>The longest kept passage of the shorter text must be at least this many words.</summary>
    public const int MinPassageWords = 4;

    /// <summary>A text split into its passages and words once, for comparing with many others.</summary>
    public sealed class Prepared
    {
        internal Prepared(string[][] fragments)
        {
            Fragments = fragments;
            Words = fragments.SelectMany(f => f).ToArray();
            LongestPassage = fragments.Length == 0 ? 0 : fragments.Max(f => f.Length);
        }

        internal string[][] Fragments { get; }
        internal string[] Words { get; }
        internal int LongestPassage { get; }
    }

    public static Prepared Prepare(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Prepared(Ellipsis().Split(text).Select(Monitoring.Words.Split).Where(f => f.Length > 0).ToArray());
    }

    public static bool AreSame(string a, string b) => AreSame(Prepare(a), Prepare(b));

    public static bool AreSame(Prepared a, Prepared b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Words.Length == 0 || b.Words.Length == 0) return false;
        if (a.Words.AsSpan().SequenceEqual(b.Words)) return true;

        var (shorter, longer) = a.Words.Length <= b.Words.Length ? (a, b) : (b, a);
        if (shorter.Words.Length < MinWordsForPartialMatch || shorter.Words.Length < MinShare * longer.Words.Length) return false;
        if (shorter.LongestPassage < MinPassageWords) return false;
        var at = 0;
        foreach (var fragment in shorter.Fragments)
        {
            var found = IndexOf(longer.Words, fragment, at);
            if (found < 0) return false;
            at = found + fragment.Length;
        }
        return true;
    }

    private static int IndexOf(string[] haystack, string[] needle, int start)
    {
        for (var i = start; i + needle.Length <= haystack.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        return -1;
    }

    // "...", ". . .", "…", optionally in brackets: "[...]", "(…)".
    [GeneratedRegex(@"[\[(]?\s*(?:\.\s?){2}\.|[\[(]?\s*…\s*[\])]?", RegexOptions.CultureInvariant)]
    private static partial Regex Ellipsis();
}
