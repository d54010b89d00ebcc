namespace NewsMonitor.Extraction.Statements;

internal enum TokenKind { Word, Number, Punctuation, QuoteMark }

/// <summary>A word, number, punctuation mark or quote mark, with its offsets in the article text.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, string Value)
{
    public bool IsWord => Kind == TokenKind.Word;
    public bool IsCapitalised => Kind == TokenKind.Word && char.IsUpper(Value[0]);
    public bool IsLower => Kind == TokenKind.Word && char.IsLower(Value[0]);
    public bool Is(string value) => string.Equals(Value, value, StringComparison.OrdinalIgnoreCase);
    public bool IsPunct(char c) => Kind == TokenKind.Punctuation && Value.Length == 1 && Value[0] == c;
    public bool IsSentenceEnd => Kind == TokenKind.Punctuation && Value is "." or "!" or "?" or "…" or "...";
    /// <summary>The quote mark this token acts as: '' and `` act as a straight double quote.</summary>
    public char Mark => Value is "''" or "``" ? '"' : Value[0];

    public override string ToString() => Value;
}

/// <summary>Splits text into tokens with offsets. Apostrophes and hyphens stay inside words ("administration’s", "foreign-funded").</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (char.IsLetter(c))
            {
                var j = i + 1;
                while (j < end && IsWordChar(text, j, end)) j++;
                // "U.S." and "a.m.": letters separated by single periods form one word.
                if (j + 1 < end && text[j] == '.' && char.IsLetter(text[j + 1]) && j - i == 1)
                {
                    var k = j;
                    while (k + 1 < end && text[k] == '.' && char.IsLetter(text[k + 1]) && (k + 2 >= end || !char.IsLetter(text[k + 2])))
                        k += 2;
                    j = k;
                }
                tokens.Add(new Token(TokenKind.Word, i, j, text[i..j]));
                i = j;
                continue;
            }
            if (char.IsDigit(c))
            {
                var j = i + 1;
                while (j < end && (char.IsDigit(text[j]) || ((text[j] is '.' or ',' or ':') && j + 1 < end && char.IsDigit(text[j + 1])))) j++;
                while (j < end && char.IsLetter(text[j])) j++; // "60th", "5G"
                // "46-year-old", "2-to-1": a number joined to words by hyphens is one word.
                while (j + 1 < end && text[j] is '-' or '‑' && char.IsLetterOrDigit(text[j + 1]))
                {
                    j++;
                    while (j < end && char.IsLetterOrDigit(text[j])) j++;
                }
                tokens.Add(new Token(TokenKind.Number, i, j, text[i..j]));
                i = j;
                continue;
            }
            // Typewriter quotes: '' and `` stand for a double quote mark (common in wire copy).
            if (c is '\'' or '`' && i + 1 < end && text[i + 1] == c)
            {
                tokens.Add(new Token(TokenKind.QuoteMark, i, i + 2, c == '`' ? "``" : "''"));
                i += 2;
                continue;
            }
            if (c == '.' && i + 2 < end && text[i + 1] == '.' && text[i + 2] == '.')
            {
                tokens.Add(new Token(TokenKind.Punctuation, i, i + 3, "..."));
                i += 3;
                continue;
            }
            var kind = StatementLexicon.IsQuoteMark(c) ? TokenKind.QuoteMark : TokenKind.Punctuation;
            tokens.Add(new Token(kind, i, i + 1, c.ToString()));
            i++;
        }
        return tokens;
    }

    private static bool IsWordChar(string text, int j, int end)
    {
        var c = text[j];
        if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) return true;
        // Inner apostrophes and hyphens: "don't", "administration’s", "foreign-funded".
        if (c is '\'' or '’' or '-' or '‐')
            return j + 1 < end && char.IsLetter(text[j + 1]) && j > 0 && char.IsLetter(text[j - 1]);
        return false;
    }
}
