namespace NewsMonitor.Extraction.Statements;

/// <summary>Token range of one sentence in a paragraph: [Start, End).</summary>
internal readonly record struct SentenceRange(int Start, int End);

/// <summary>
/// Splits a paragraph's tokens into sentences. A period ends a sentence only when what follows starts
/// one (a capital, a number, an opening quote) and it does not close an abbreviation: "Administration.
/// of China" is one sentence. Sentence ends inside quotations are ignored, so a quotation and its
/// attribution stay together.
/// </summary>
internal static class SentenceSplitter
{
    public static List<SentenceRange> Split(List<Token> tokens, List<QuoteSpan> quotes)
    {
        var sentences = new List<SentenceRange>();
        var start = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsSentenceEnd) continue;
            if (InsideQuote(i, quotes))
            {
                // "… out there.'' Therefore …": a quoted sentence closes, and a new sentence starts after the mark.
                if (i + 2 < tokens.Count && IsClosingQuote(i + 1, quotes) && tokens[i + 2].IsCapitalised
                    && !StatementLexicon.Pronouns.ContainsKey(tokens[i + 2].Value) && !StatementLexicon.Cues.ContainsKey(tokens[i + 2].Value)
                    && !(i + 3 < tokens.Count && StatementLexicon.Cues.ContainsKey(tokens[i + 3].Value)))
                {
                    sentences.Add(new SentenceRange(start, i + 2));
                    start = i + 2;
                    i++;
                }
                continue;
            }
            var end = i + 1;
            // A closing quote or bracket right after the period belongs to this sentence.
            while (end < tokens.Count && (IsClosingQuote(end, quotes) || tokens[end].Value is ")" or "]")) end++;
            if (end < tokens.Count && !StartsSentence(tokens[end])) continue;
            if (tokens[i].Value == "." && i > 0 && IsAbbreviation(tokens, i - 1) && end < tokens.Count) continue;
            sentences.Add(new SentenceRange(start, end));
            start = end;
            i = end - 1;
        }
        if (start < tokens.Count) sentences.Add(new SentenceRange(start, tokens.Count));
        return sentences;
    }

    private static bool InsideQuote(int index, List<QuoteSpan> quotes)
    {
        foreach (var quote in quotes)
        {
            var close = quote.Close >= 0 ? quote.Close : int.MaxValue;
            if (index > quote.Open && index < close) return true;
        }
        return false;
    }

    private static bool IsClosingQuote(int index, List<QuoteSpan> quotes)
    {
        foreach (var quote in quotes)
            if (quote.Close == index) return true;
        return false;
    }

    private static bool StartsSentence(Token token) =>
        token.Kind is TokenKind.Number or TokenKind.QuoteMark
        || (token.Kind == TokenKind.Word && (char.IsUpper(token.Value[0]) || !char.IsLetter(token.Value[0])))
        || token.Value is "(" or "[" or "—" or "–";

    private static bool IsAbbreviation(List<Token> tokens, int index)
    {
        var word = tokens[index];
        if (word.Kind != TokenKind.Word) return false;
        if (StatementLexicon.Abbreviations.Contains(word.Value)) return true;
        // An initial: "John F. Kennedy".
        return word.Value.Length == 1 && char.IsUpper(word.Value[0]);
    }
}
