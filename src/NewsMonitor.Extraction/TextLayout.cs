namespace NewsMonitor.Extraction;

/// <summary>
/// Paragraph layout of article text: blank lines separate paragraphs, and so does a single line break
/// between the end of one sentence and the start of the next.
/// </summary>
public static class TextLayout
{
    public const string ParagraphSeparator = "\n\n";

    public static string NormaliseNewlines(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    /// <summary>Ranges of the non-blank paragraphs of <paramref name="text"/>, untrimmed at their inner edges only by line breaks.</summary>
    public static IReadOnlyList<Range> SplitParagraphs(string text)
    {
        var ranges = new List<Range>();
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var lineEnd = text.IndexOf('\n', i);
            if (lineEnd < 0) lineEnd = text.Length;
            var blank = text.AsSpan(i, lineEnd - i).IsWhiteSpace();
            if (blank)
            {
                if (start >= 0)
                {
                    ranges.Add(new Range(start, TrimEnd(text, start, i)));
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = SkipLeadingSpace(text, i, lineEnd);
            }
            else if (EndsSentence(text, start, i - 1) && StartsSentence(text, i, lineEnd))
            {
                // A line break after a finished sentence, before a new one: plain text that puts each paragraph on
                // its own line. A hard-wrapped paragraph breaks lines mid-sentence, so it stays whole.
                ranges.Add(new Range(start, TrimEnd(text, start, i)));
                start = SkipLeadingSpace(text, i, lineEnd);
            }
            i = lineEnd + 1;
        }
        if (start >= 0) ranges.Add(new Range(start, TrimEnd(text, start, text.Length)));
        return ranges;
    }

    /// <summary>Whether the text before <paramref name="end"/> (a line break) ends in a sentence end or a colon, with any closing quote.</summary>
    private static bool EndsSentence(string text, int start, int end)
    {
        var j = end - 1;
        while (j >= start && char.IsWhiteSpace(text[j])) j--;
        while (j >= start && text[j] is '"' or '\u201D' or '\u2019' or '\'' or '\u00BB' or ')') j--;
        return j >= start && text[j] is '.' or '!' or '?' or ':' or '\u2026';
    }

    /// <summary>Whether the line starts like a sentence: a capital letter, a digit or an opening quote or dash.</summary>
    private static bool StartsSentence(string text, int from, int to)
    {
        from = SkipLeadingSpace(text, from, to);
        if (from >= to) return false;
        var c = text[from];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\u201C' or '\u2018' or '\'' or '\u00AB' or '\u201E' or '\u2014' or '\u2013' or '-' or '(' or '[';
    }

    private static int SkipLeadingSpace(string text, int from, int to)
    {
        while (from < to && char.IsWhiteSpace(text[from])) from++;
        return from;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }
}
