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

    public static bool AreSame(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (fragmentsA, wordsA) = Fragments(a);
        var (fragmentsB, wordsB) = Fragments(b);
        if (wordsA.Length == 0 || wordsB.Length == 0) return false;
        if (wordsA.AsSpan().SequenceEqual(wordsB)) return true;

        var (shorterFragments, shorter, longer) = wordsA.Length <= wordsB.Length ? (fragmentsA, wordsA, wordsB) : (fragmentsB, wordsB, wordsA);
        if (shorter.Length < MinWordsForPartialMatch || shorter.Length < MinShare * longer.Length) return false;
        if (shorterFragments.Max(f => f.Length) < MinPassageWords) return false;
        var at = 0;
        foreach (var fragment in shorterFragments)
        {
            var found = IndexOf(longer, fragment, at);
            if (found < 0) return false;
            at = found + fragment.Length;
        }
        return true;
    }

    /// <summary>The text's passages between ellipses, as normalised words, and all its words.</summary>
    private static (string[][] Fragments, string[] Words) Fragments(string text)
    {
        var fragments = Ellipsis().Split(text).Select(Words.Split).Where(f => f.Length > 0).ToArray();
        return (fragments, fragments.SelectMany(f => f).ToArray());
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
