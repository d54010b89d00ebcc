namespace NewsMonitor.Extraction;

/// <summary>Paragraph layout of article text: blank lines separate paragraphs.</summary>
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
            i = lineEnd + 1;
        }
        if (start >= 0) ranges.Add(new Range(start, TrimEnd(text, start, text.Length)));
        return ranges;
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
