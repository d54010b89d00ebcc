using System.Globalization;
using System.Text;

namespace NewsMonitor.Monitoring;

/// <summary>Text compared as words: case, accents, punctuation and quote marks do not count.</summary>
public static class Words
{
    /// <summary>
    /// Lower case, accents and punctuation removed, single spaces: "Qi  Xiaoxia" = "qi xiaoxia". Digit
    /// group separators join their digits ("2,000" = "2000"), as outlets write numbers both ways.
    /// </summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0) builder.Append(' ');
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (c is ',' or '\u2009' or '\u202F' && i > 0 && i + 1 < decomposed.Length && char.IsAsciiDigit(decomposed[i - 1]) && char.IsAsciiDigit(decomposed[i + 1]))
            {
                // "2,000" and "2 000" are one number. A decimal point stays a break ("3.5" is not "35").
            }
            else
            {
                space = true;
            }
        }
        return builder.ToString();
    }

    /// <summary>The normalised words of <paramref name="text"/>.</summary>
    public static string[] Split(string text) => Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whole-word containment over normalised text: "china" matches "in china" but not "chinatown".</summary>
    public static bool Contains(string normalisedHaystack, string normalisedNeedle)
    {
        ArgumentNullException.ThrowIfNull(normalisedHaystack);
        ArgumentNullException.ThrowIfNull(normalisedNeedle);
        if (normalisedNeedle.Length == 0) return false;
        var at = 0;
        while ((at = normalisedHaystack.IndexOf(normalisedNeedle, at, StringComparison.Ordinal)) >= 0)
        {
            var before = at == 0 || normalisedHaystack[at - 1] == ' ';
            var after = at + normalisedNeedle.Length == normalisedHaystack.Length || normalisedHaystack[at + normalisedNeedle.Length] == ' ';
            if (before && after) return true;
            at++;
        }
        return false;
    }
}
