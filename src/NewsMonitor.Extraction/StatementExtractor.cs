using NewsMonitor.Extraction.Statements;

namespace NewsMonitor.Extraction;

/// <summary>
/// Finds key statements in article text: direct quotes, mixed quotes and indirect speech, each with a
/// resolved speaker, the reporting verb, offsets into the text and a confidence.
/// </summary>
/// <remarks>Pure and thread-safe: all state lives in one call.</remarks>
public sealed class StatementExtractor(StatementExtractorOptions? options = null)
{
    private readonly StatementExtractorOptions _options = options ?? new StatementExtractorOptions();

    public IReadOnlyList<Statement> Extract(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Extract(article.Text);
    }

    public IReadOnlyList<Statement> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var statements = new ArticleReading(text).Read();
        return _options.MinimumConfidence <= 0 ? statements : statements.Where(s => s.Confidence >= _options.MinimumConfidence).ToList();
    }

    /// <summary>One pass over one article.</summary>
    private sealed class ArticleReading(string text)
    {
        private readonly SpeakerResolver _resolver = new();
        private readonly List<Statement> _statements = [];
        private ResolvedSpeaker? _lastQuoteSpeaker;
        private int _lastQuoteParagraph = -10;
        private bool _previousParagraphEndedInOpenQuote;

        public List<Statement> Read()
        {
            var paragraphs = TextLayout.SplitParagraphs(text);
            for (var p = 0; p < paragraphs.Count; p++)
            {
                var (start, end) = (paragraphs[p].Start.Value, paragraphs[p].End.Value);
                ReadParagraph(p, start, end);
            }
            _statements.Sort((a, b) => a.Start.CompareTo(b.Start));
            return _statements;
        }

        private void ReadParagraph(int paragraph, int start, int end)
        {
            var tokens = Tokenizer.Tokenize(text, start, end);
            if (tokens.Count == 0) return;
            var quotes = QuoteScanner.Scan(text, tokens, start, end);
            var parser = new AttributionParser(text, tokens);
            var sentences = SentenceSplitter.Split(tokens, quotes);
            var usedCues = new HashSet<int>();
            var unattributed = new List<QuoteSpan>();
            ResolvedSpeaker? paragraphSpeaker = null;

            foreach (var sentence in sentences)
            {
                ObserveNames(parser, sentence, paragraph);
                var inSentence = quotes.Where(q => q.Open >= sentence.Start && q.Open < sentence.End).ToList();
                var consumedUpTo = sentence.Start;
                for (var qi = 0; qi < inSentence.Count; qi++)
                {
                    var quote = inSentence[qi];
                    if (quote.Open < consumedUpTo) continue;
                    var limit = qi + 1 < inSentence.Count ? inSentence[qi + 1].Open : sentence.End;
                    var floor = Math.Max(consumedUpTo, qi > 0 && inSentence[qi - 1].Close >= 0 ? inSentence[qi - 1].Close + 1 : sentence.Start);
                    var speaker = ReadQuote(parser, quote, sentence, floor, limit, paragraph, usedCues, out var consumed);
                    if (speaker is null)
                    {
                        unattributed.Add(quote);
                    }
                    else
                    {
                        paragraphSpeaker = speaker;
                        consumedUpTo = Math.Max(consumedUpTo, consumed);
                    }
                }
                ReadIndirect(parser, sentence, quotes, paragraph, usedCues);
            }

            // Quotes without an attribution of their own: the paragraph's speaker, or the previous
            // paragraph's when a quotation runs on over paragraphs.
            foreach (var quote in unattributed)
            {
                var isParagraphQuote = quote.Open == 0 && (quote.Close < 0 || quote.Close >= tokens.Count - 2);
                if (paragraphSpeaker is not null)
                {
                    AddQuote(quote, StatementKind.Direct, null, paragraphSpeaker with { }, 0.75);
                }
                else if (isParagraphQuote && _lastQuoteSpeaker is not null && paragraph - _lastQuoteParagraph == 1 && (_previousParagraphEndedInOpenQuote || LooksLikeSentence(quote)))
                {
                    AddQuote(quote, StatementKind.Direct, null, _lastQuoteSpeaker, _previousParagraphEndedInOpenQuote ? 0.8 : 0.55);
                    paragraphSpeaker = _lastQuoteSpeaker;
                }
            }

            _previousParagraphEndedInOpenQuote = quotes.Count > 0 && !quotes[^1].IsClosed;
            if (paragraphSpeaker is not null)
            {
                _lastQuoteSpeaker = paragraphSpeaker;
                _lastQuoteParagraph = paragraph;
            }
        }

        private bool LooksLikeSentence(QuoteSpan quote)
        {
            var content = text.AsSpan(quote.ContentStart, quote.ContentEnd - quote.ContentStart).Trim();
            return content.Length > 30 && char.IsUpper(content[0]) && content.Contains(' ');
        }

        /// <summary>Attributes one quote; returns its speaker, or null when the sentence does not say who spoke.</summary>
        private ResolvedSpeaker? ReadQuote(AttributionParser parser, QuoteSpan quote, SentenceRange sentence, int floor, int limit,
            int paragraph, HashSet<int> usedCues, out int consumed)
        {
            var tokens = parser.Tokens;
            consumed = quote.Close >= 0 ? quote.Close + 1 : sentence.End;
            var startsSentence = quote.Open == floor;

            // After the quote: "…,” said Cao Shumin, deputy director …" / "…,” she added."
            if (quote.IsClosed)
            {
                var k = quote.Close + 1;
                while (k < limit && (tokens[k].IsPunct(',') || tokens[k].Value is "—" or "–" or "-")) k++;
                var attribution = parser.AttributionAt(k, limit);
                if (attribution is not null && !startsSentence && ComplementStart(parser, attribution.CueIndex, sentence.End) >= 0)
                {
                    // "Calling the Internet “the common home …,” the white paper emphasizes that …": the quote sits in a
                    // phrase before the main clause. The phrase is one statement; the main clause is read as indirect speech.
                    var resolved = Resolve(attribution.Speaker, paragraph, tokens[floor].Start);
                    var lead = tokens[floor];
                    var cue = lead.IsWord && parser.IsCue(floor) ? lead.Value : attribution.Cue;
                    if (parser.IsCue(floor)) usedCues.Add(floor);
                    AddSpan(StatementKind.Mixed, lead.Start, tokens[quote.Close].End, cue, resolved, 0.75);
                    consumed = quote.Close + 1;
                    return resolved;
                }
                if (attribution is not null)
                {
                    usedCues.Add(attribution.CueIndex);
                    var resolved = Resolve(attribution.Speaker, paragraph, tokens[quote.Open].Start);
                    var kind = startsSentence ? StatementKind.Direct : StatementKind.Mixed;
                    AddQuote(quote, kind, attribution.Cue, resolved, startsSentence ? 0.95 : 0.8);
                    consumed = attribution.End;
                    ReadTrailingClause(parser, attribution, sentence, resolved, usedCues);
                    return resolved;
                }
            }

            // Before the quote: "Sun said: “…”", "she told reporters, “…”".
            var j = quote.Open - 1;
            if (j >= floor && (tokens[j].IsPunct(':') || tokens[j].IsPunct(','))) j--;
            for (var cue = j; cue >= Math.Max(floor, j - 2); cue--)
            {
                if (!parser.IsCue(cue) || usedCues.Contains(cue)) continue;
                var speaker = parser.SpeakerBefore(cue, floor);
                if (speaker is null) continue;
                usedCues.Add(cue);
                var resolved = Resolve(speaker, paragraph, tokens[speaker.Start].Start);
                AddQuote(quote, StatementKind.Direct, parser.CueText(cue), resolved, 0.9);
                return resolved;
            }

            // Inside a reported clause: "Qi Xiaoxia, head of …, argued that there is “no reason for concern”."
            for (var cue = quote.Open - 1; cue >= sentence.Start; cue--)
            {
                if (!parser.IsCue(cue) || usedCues.Contains(cue)) continue;
                var contentStart = ComplementStart(parser, cue, sentence.End);
                if (contentStart < 0 || contentStart > quote.Open) continue;
                var contentEnd = ClauseEnd(tokens, contentStart, sentence.End);
                if (contentEnd <= quote.Open) continue; // the quote is outside the reported clause (a title, a name)
                var speaker = parser.SpeakerBefore(cue, ClauseFloor(tokens, cue, sentence.Start, []));
                if (speaker is null) continue;
                usedCues.Add(cue);
                var resolved = Resolve(speaker, paragraph, tokens[speaker.Start].Start);
                AddSpan(StatementKind.Mixed, tokens[contentStart].Start, tokens[contentEnd - 1].End, parser.CueText(cue), resolved, 0.85);
                consumed = contentEnd;
                return resolved;
            }

            // "according to X, “…”" or "“…”, according to X."
            for (var a = floor; a < limit - 2; a++)
            {
                var according = parser.AccordingTo(a, limit);
                if (according is null) continue;
                var resolved = Resolve(according.Speaker, paragraph, tokens[according.Speaker.Start].Start);
                AddQuote(quote, StatementKind.Direct, according.Cue, resolved, 0.85);
                return resolved;
            }
            return null;
        }

        /// <summary>", noting that …" after an attribution: a further statement by the same speaker.</summary>
        private void ReadTrailingClause(AttributionParser parser, Attribution attribution, SentenceRange sentence, ResolvedSpeaker speaker, HashSet<int> usedCues)
        {
            var tokens = parser.Tokens;
            var k = attribution.End;
            if (k < sentence.End && tokens[k].IsPunct(',')) k++;
            while (k < sentence.End && StatementLexicon.CueModifiers.Contains(tokens[k].Value) && !parser.IsCue(k)) k++;
            if (k >= sentence.End || !parser.IsCue(k) || usedCues.Contains(k)) return;
            var contentStart = k + 1;
            if (contentStart >= sentence.End) return;
            usedCues.Add(k);
            var contentEnd = ClauseEnd(tokens, contentStart, sentence.End);
            if (contentEnd - contentStart < 3) return;
            AddSpan(StatementKind.Indirect, tokens[contentStart].Start, tokens[contentEnd - 1].End, parser.CueText(k), speaker, 0.75);
        }

        /// <summary>Reported speech without quote marks: "China pledged to …", "the white paper emphasizes that …".</summary>
        private void ReadIndirect(AttributionParser parser, SentenceRange sentence, List<QuoteSpan> quotes, int paragraph, HashSet<int> usedCues)
        {
            var tokens = parser.Tokens;
            for (var cue = sentence.Start; cue < sentence.End; cue++)
            {
                if (usedCues.Contains(cue) || InsideQuote(cue, quotes) || !parser.IsCue(cue)) continue;
                var complement = ComplementStart(parser, cue, sentence.End);
                if (complement < 0) continue;
                var clauseFloor = ClauseFloor(tokens, cue, sentence.Start, quotes);
                var speaker = parser.SpeakerBefore(cue, clauseFloor);
                if (speaker is null || speaker.Kind == SpeakerKind.Pronoun && speaker.Mention.Equals("it", StringComparison.OrdinalIgnoreCase) && !IsSpeechLemma(tokens[cue].Value)) continue;
                var contentEnd = ClauseEnd(tokens, complement, sentence.End);
                if (contentEnd - complement < 3) continue;
                usedCues.Add(cue);
                var resolved = Resolve(speaker, paragraph, tokens[speaker.Start].Start);
                var hasQuote = quotes.Any(q => q.Open >= complement && q.Open < contentEnd);
                AddSpan(hasQuote ? StatementKind.Mixed : StatementKind.Indirect, tokens[complement].Start, tokens[contentEnd - 1].End,
                    parser.CueText(cue), resolved, hasQuote ? 0.85 : 0.7);
            }
        }

        private static bool IsSpeechLemma(string cue) =>
            StatementLexicon.Cues.TryGetValue(cue, out var lemma) && lemma is "say" or "add" or "tell" or "state" or "write" or "report" or "announce" or "warn" or "note";

        /// <summary>Where the reported content after a cue starts: "that …", "to …", "reporters that …", or -1 when none follows.</summary>
        private static int ComplementStart(AttributionParser parser, int cue, int end)
        {
            var tokens = parser.Tokens;
            var k = cue + 1;
            if (parser.CueText(cue).Contains(' ', StringComparison.Ordinal)) k++;
            if (k >= end) return -1;
            var lemma = StatementLexicon.Cues[tokens[cue].Value];
            // "told reporters that", "told Reuters on Monday that", "said on Monday that"
            if (lemma is "tell" or "warn" or "urge" or "remind" or "assure")
            {
                var limit = Math.Min(end, k + 6);
                for (var t = k; t < limit; t++)
                    if (tokens[t].Is("that")) return t;
                if (lemma == "urge") return k;
                return -1;
            }
            // "said on Monday that", "pledged on Monday to", "said in a statement that"
            var scan = k;
            while (scan < end && scan - k < 7 && IsAdverbial(tokens[scan], scan > k)) scan++;
            foreach (var at in scan == k ? [k] : (int[])[k, scan])
            {
                if (at >= end) continue;
                if (tokens[at].Is("that")) return at;
                if (tokens[at].Is("to") && lemma is "pledge" or "promise" or "vow" or "threaten" or "urge" or "agree" or "demand" or "propose" or "ask" or "call") return at;
                if (tokens[at].IsPunct(':')) return at + 1 < end ? at + 1 : -1;
            }
            // "said the economy will grow", "says he will": a clause follows directly.
            if (lemma is "say" or "add" or "argue" or "claim" or "insist" or "note" or "warn" or "predict" or "acknowledge" or "admit" or "emphasise" or "stress" or "explain" or "suggest" or "announce" or "confirm" or "write")
            {
                var next = tokens[k];
                if (next.IsWord && (StatementLexicon.Pronouns.ContainsKey(next.Value) || StatementLexicon.Determiners.Contains(next.Value) || next.IsCapitalised && !next.Is("The") || next.Is("The") || next.Is("there")))
                    return k;
            }
            return -1;
        }

        private static bool IsAdverbial(Token token, bool inside) =>
            token.Kind == TokenKind.Number || token.IsPunct(',') || (inside && token.IsCapitalised)
            || StatementLexicon.TimeWords.Contains(token.Value);

        /// <summary>The earliest token a subject may start at: after an introductory phrase ("In response to …,").</summary>
        private static int ClauseFloor(List<Token> tokens, int cue, int sentenceStart, List<QuoteSpan> quotes)
        {
            for (var k = cue - 1; k > sentenceStart; k--)
            {
                if (tokens[k].Kind == TokenKind.QuoteMark || tokens[k].IsPunct(';')) return k + 1;
            }
            return sentenceStart;
        }

        /// <summary>Where a reported clause ends: at the sentence end, or before ", noting …"/"; " that starts another clause.</summary>
        private static int ClauseEnd(List<Token> tokens, int start, int sentenceEnd)
        {
            var end = sentenceEnd;
            for (var k = start + 1; k < sentenceEnd - 1; k++)
            {
                if (tokens[k].IsPunct(';')) { end = k; break; }
                // ", noting that …", ", releasing a white paper …": a participle starts another clause.
                if (tokens[k].IsPunct(',') && tokens[k + 1].IsLower && tokens[k + 1].Value.Length > 4
                    && tokens[k + 1].Value.EndsWith("ing", StringComparison.OrdinalIgnoreCase)) { end = k; break; }
            }
            while (end > start && (tokens[end - 1].IsSentenceEnd || tokens[end - 1].IsPunct(',') || tokens[end - 1].IsPunct(':'))) end--;
            return Math.Max(end, start + 1);
        }

        private static bool InsideQuote(int index, List<QuoteSpan> quotes)
        {
            foreach (var quote in quotes)
                if (index >= quote.Open && (quote.Close < 0 || index <= quote.Close)) return true;
            return false;
        }

        private void ObserveNames(AttributionParser parser, SentenceRange sentence, int paragraph)
        {
            var tokens = parser.Tokens;
            for (var k = sentence.Start; k < sentence.End; k++)
            {
                if (!tokens[k].IsWord || !StatementLexicon.Titles.ContainsKey(tokens[k].Value)) continue;
                var phrase = parser.SpeakerForward(k, sentence.End, allowPronoun: false);
                if (phrase is { Kind: SpeakerKind.Name })
                {
                    _resolver.Observe(phrase, paragraph);
                    k = phrase.End - 1;
                }
            }
        }

        private ResolvedSpeaker Resolve(SpeakerPhrase phrase, int paragraph, int offset) => _resolver.Resolve(phrase, paragraph, offset);

        private void AddQuote(QuoteSpan quote, StatementKind kind, string? cue, ResolvedSpeaker speaker, double confidence)
        {
            var start = quote.ContentStart;
            var end = quote.ContentEnd;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == ',')) end--;
            if (end - start < 2) return;
            // A short quoted name or title ("titled “…”") is not a statement unless someone is said to have said it.
            _statements.Add(new Statement(kind, text[start..end], speaker.Speaker, cue, start, end, Math.Round(confidence * speaker.Certainty, 2)));
        }

        private void AddSpan(StatementKind kind, int start, int end, string cue, ResolvedSpeaker speaker, double confidence)
        {
            while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or '.')) end--;
            if (end - start < 2) return;
            _statements.Add(new Statement(kind, text[start..end], speaker.Speaker, cue, start, end, Math.Round(confidence * speaker.Certainty, 2)));
        }
    }
}
