namespace NewsMonitor.Extraction.Statements;

/// <summary>A quotation in one paragraph: the token indexes of its marks and the offsets of the words between them.</summary>
/// <param name="Open">Index of the opening mark token.</param>
/// <param name="Close">Index of the closing mark token, or -1 when the paragraph ends before the quote closes.</param>
internal sealed record QuoteSpan(int Open, int Close, int ContentStart, int ContentEnd)
{
    public bool IsClosed => Close >= 0;
}

/// <summary>
/// Pairs quote marks in a paragraph. Marks are read by their neighbours, not only their glyph, because
/// outlets get glyphs wrong (a quote "closed" with a left mark: <c>professionals. “, she added</c>).
/// An unclosed quote ends with its paragraph: it never swallows the rest of the article.
/// </summary>
internal static class QuoteScanner
{
    public static List<QuoteSpan> Scan(string text, List<Token> tokens, int paragraphStart, int paragraphEnd)
    {
        var quotes = new List<QuoteSpan>();
        var open = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.QuoteMark) continue;
            var mark = token.Mark;
            var opens = OpensQuote(text, token, paragraphStart);
            var closes = ClosesQuote(text, token, paragraphEnd);
            if (open < 0)
            {
                if (opens && StatementLexicon.QuotePairs.ContainsKey(mark)) open = i;
                continue;
            }
            var openMark = tokens[open].Mark;
            if (closes && StatementLexicon.QuotePairs[openMark].Contains(mark))
            {
                quotes.Add(Make(tokens, open, i));
                open = -1;
            }
            else if (opens && !closes)
            {
                // A new quote opens before the old one closed: the old one was unbalanced. End it here.
                quotes.Add(Make(tokens, open, -1, endBefore: token.Start));
                open = i;
            }
        }
        if (open >= 0) quotes.Add(Make(tokens, open, -1, endBefore: paragraphEnd));
        return quotes;
    }

    private static QuoteSpan Make(List<Token> tokens, int open, int close, int endBefore = -1)
    {
        var contentStart = tokens[open].End;
        var contentEnd = close >= 0 ? tokens[close].Start : endBefore;
        return new QuoteSpan(open, close, contentStart, Math.Max(contentStart, contentEnd));
    }

    private static bool OpensQuote(string text, Token token, int paragraphStart)
    {
        var after = token.End < text.Length ? text[token.End] : ' ';
        if (char.IsWhiteSpace(after) || after is ',' or '.' or ';' or ')' or '!' or '?') return false;
        var before = token.Start > paragraphStart ? text[token.Start - 1] : ' ';
        return char.IsWhiteSpace(before) || before is '(' or '[' or '—' or '–' or '-' or ':' or '/' or ',' or ';' || StatementLexicon.IsQuoteMark(before)
            || char.GetUnicodeCategory(before) == System.Globalization.UnicodeCategory.Format;
    }

    private static bool ClosesQuote(string text, Token token, int paragraphEnd)
    {
        var after = token.End < paragraphEnd ? text[token.End] : ' ';
        return char.IsWhiteSpace(after) || char.IsPunctuation(after) || StatementLexicon.IsQuoteMark(after) || token.End >= paragraphEnd;
    }
}
