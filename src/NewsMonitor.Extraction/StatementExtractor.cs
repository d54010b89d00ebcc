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
        // Quotes without an attribution of their own, carried over from the paragraph's speaker.
        private readonly HashSet<Statement> _carried = new(ReferenceEqualityComparer.Instance);
        // Quotes that continue an unclosed quote from the previous paragraph.
        private readonly HashSet<Statement> _runOn = new(ReferenceEqualityComparer.Instance);
        private ResolvedSpeaker? _lastQuoteSpeaker;
        private string? _lastQuoteCue;
        private int _lastQuoteParagraph = -10;
        private bool _previousParagraphEndedInOpenQuote;
        // "Breitbart News responded:" at the end of a paragraph introduces the next paragraph's quote.
        private (ResolvedSpeaker Speaker, string Cue)? _introducedQuote;

        public List<Statement> Read()
        {
            var paragraphs = TextLayout.SplitParagraphs(text);
            for (var p = 0; p < paragraphs.Count; p++)
            {
                var (start, end) = (paragraphs[p].Start.Value, paragraphs[p].End.Value);
                ReadParagraph(p, start, end);
            }
            _statements.Sort((a, b) => a.Start.CompareTo(b.Start));
            return MergeContinuations();
        }

        private void ReadParagraph(int paragraph, int start, int end)
        {
            var tokens = Tokenizer.Tokenize(text, start, end);
            if (tokens.Count == 0) return;
            var quotes = QuoteScanner.Scan(text, tokens, start, end);
            var parser = new AttributionParser(text, tokens);
            var sentences = SentenceSplitter.Split(tokens, quotes);
            ReadHeadline(parser, quotes, paragraph, start, end);
            var usedCues = new HashSet<int>();
            var unattributed = new List<QuoteSpan>();
            ResolvedSpeaker? paragraphSpeaker = null;
            string? paragraphCue = null;
            var introduced = _introducedQuote;
            _introducedQuote = null;
            var handled = new HashSet<QuoteSpan>(ReferenceEqualityComparer.Instance);
            if (introduced is { } intro && quotes.Count > 0 && quotes[0].Open == 0)
            {
                AddQuote(quotes[0], StatementKind.Direct, intro.Cue, intro.Speaker, StatementPattern.IntroducedQuote);
                paragraphSpeaker = intro.Speaker;
                paragraphCue = intro.Cue;
                handled.Add(quotes[0]);
            }

            foreach (var sentence in sentences)
            {
                ObserveNames(parser, sentence, paragraph);
                var inSentence = quotes.Where(q => q.Open >= sentence.Start && q.Open < sentence.End).ToList();
                var consumedUpTo = sentence.Start;
                for (var qi = 0; qi < inSentence.Count; qi++)
                {
                    var quote = inSentence[qi];
                    if (quote.Open < consumedUpTo || handled.Contains(quote)) continue;
                    var limit = qi + 1 < inSentence.Count ? inSentence[qi + 1].Open : sentence.End;
                    var floor = Math.Max(consumedUpTo, qi > 0 && inSentence[qi - 1].Close >= 0 ? inSentence[qi - 1].Close + 1 : sentence.Start);
                    var speaker = ReadQuote(parser, quote, sentence, floor, limit, paragraph, usedCues, out var consumed, out var cue, paragraphSpeaker);
                    if (speaker is null)
                    {
                        unattributed.Add(quote);
                    }
                    else
                    {
                        paragraphSpeaker = speaker;
                        paragraphCue = cue;
                        consumedUpTo = Math.Max(consumedUpTo, consumed);
                    }
                }
                ReadQuestion(parser, sentence, usedCues);
                ReadIndirect(parser, sentence, quotes, paragraph, usedCues);
                ReadTrailingAttribution(parser, sentence, quotes, paragraph, usedCues);
            }
            if (sentences.Count > 0) ReadIntroduction(parser, sentences[^1], paragraph, usedCues);

            // Quotes without an attribution of their own: the paragraph's speaker, or the previous
            // paragraph's when a quotation runs on over paragraphs.
            foreach (var quote in unattributed)
            {
                var isParagraphQuote = quote.Open == 0 && (quote.Close < 0 || quote.Close >= tokens.Count - 2);
                // Only whole quoted sentences carry over; a quoted title or scare quote mid-sentence does not.
                if (!StartsSentence(quote, sentences) || !LooksLikeSentence(quote)) continue;
                if (paragraphSpeaker is not null)
                {
                    if (AddQuote(quote, StatementKind.Direct, paragraphCue, paragraphSpeaker with { }, StatementPattern.CarriedQuote) is { } carried) _carried.Add(carried);
                }
                else if (isParagraphQuote && _lastQuoteSpeaker is not null && paragraph - _lastQuoteParagraph == 1 && (_previousParagraphEndedInOpenQuote || LooksLikeSentence(quote)))
                {
                    var following = AddQuote(quote, StatementKind.Direct, _lastQuoteCue, _lastQuoteSpeaker, _previousParagraphEndedInOpenQuote ? StatementPattern.RunOnQuote : StatementPattern.FollowingQuote);
                    if (following is not null && _previousParagraphEndedInOpenQuote) _runOn.Add(following);
                    paragraphSpeaker = _lastQuoteSpeaker;
                    paragraphCue = _lastQuoteCue;
                }
            }

            _previousParagraphEndedInOpenQuote = quotes.Count > 0 && !quotes[^1].IsClosed;
            if (paragraphSpeaker is not null)
            {
                _lastQuoteSpeaker = paragraphSpeaker;
                _lastQuoteCue = paragraphCue;
                _lastQuoteParagraph = paragraph;
            }
        }

        private bool LooksLikeSentence(QuoteSpan quote)
        {
            var content = text.AsSpan(quote.ContentStart, quote.ContentEnd - quote.ContentStart).Trim();
            return content.Length > 20 && char.IsUpper(content[0]) && content.Count(' ') >= 3;
        }

        private static bool StartsSentence(QuoteSpan quote, List<SentenceRange> sentences)
        {
            foreach (var sentence in sentences)
                if (sentence.Start == quote.Open) return true;
            return false;
        }

        /// <summary>Attributes one quote; returns its speaker, or null when the sentence does not say who spoke.</summary>
        private ResolvedSpeaker? ReadQuote(AttributionParser parser, QuoteSpan quote, SentenceRange sentence, int floor, int limit,
            int paragraph, HashSet<int> usedCues, out int consumed, out string? cueText, ResolvedSpeaker? currentSpeaker)
        {
            var tokens = parser.Tokens;
            consumed = quote.Close >= 0 ? quote.Close + 1 : sentence.End;
            cueText = null;
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
                    AddSpan(StatementKind.Mixed, lead.Start, tokens[quote.Close].End, cue, resolved, StatementPattern.PreposedPhrase);
                    consumed = quote.Close + 1;
                    cueText = cue;
                    return resolved;
                }
                if (attribution is not null)
                {
                    usedCues.Add(attribution.CueIndex);
                    var resolved = Resolve(attribution.Speaker, paragraph, tokens[quote.Open].Start);
                    var kind = startsSentence ? StatementKind.Direct : StatementKind.Mixed;
                    AddQuote(quote, kind, attribution.Cue, resolved, startsSentence ? StatementPattern.QuoteThenAttribution : StatementPattern.PartialQuoteThenAttribution);
                    consumed = attribution.End;
                    cueText = attribution.Cue;
                    ReadTrailingClause(parser, attribution, sentence, resolved, usedCues);
                    return resolved;
                }
            }

            // Inverted, before the quote: "Said Dorothy Poynter, who grew up with Ali, “We were all so proud of him.”"
            if (parser.IsCue(floor) && !usedCues.Contains(floor) && floor + 1 < quote.Open)
            {
                var inverted = parser.AttributionAt(floor, quote.Open);
                if (inverted is not null && inverted.End >= quote.Open - 1)
                {
                    usedCues.Add(floor);
                    var resolved = Resolve(inverted.Speaker, paragraph, tokens[inverted.Speaker.Start].Start);
                    AddQuote(quote, StatementKind.Direct, inverted.Cue, resolved, StatementPattern.InvertedAttribution);
                    cueText = inverted.Cue;
                    return resolved;
                }
            }

            // "Michael P. McDonald: “At long last …”": a name and a colon introduce the quote.
            if (quote.Open >= 2 && tokens[quote.Open - 1].IsPunct(':') && quote.Open - 1 > floor)
            {
                var named = parser.SpeakerBefore(quote.Open - 1, floor);
                if (named is { Kind: SpeakerKind.Name } && (named.Start == floor || tokens[named.Start - 1].Value is "—" or "–" or "-"))
                {
                    var resolved = Resolve(named, paragraph, tokens[named.Start].Start);
                    AddQuote(quote, StatementKind.Direct, ":", resolved, StatementPattern.NameColonQuote);
                    cueText = ":";
                    return resolved;
                }
            }

            // Before the quote: "Sun said: “…”", "she told reporters, “…”", "she said “…”". Words other than a short
            // object between the cue and the quote ("stated that Trump’s “divisive” comments") make a reported clause instead.
            var j = quote.Open - 1;
            var punctuated = j >= floor && (tokens[j].IsPunct(':') || tokens[j].IsPunct(','));
            if (punctuated) j--;
            for (var cue = j; cue >= Math.Max(floor, punctuated ? j - 2 : j); cue--)
            {
                if (!parser.IsCue(cue) || usedCues.Contains(cue)) continue;
                var speaker = parser.SpeakerBefore(cue, floor);
                if (speaker is null && currentSpeaker is not null && cue > 0 && tokens[cue - 1].IsPunct(',') && tokens[cue].Value.EndsWith("ing", StringComparison.Ordinal))
                {
                    // "“…,” he said, adding, “…”": the participle goes on with the same speaker.
                    usedCues.Add(cue);
                    cueText = parser.CueText(cue);
                    AddQuote(quote, StatementKind.Direct, cueText, currentSpeaker, StatementPattern.ParticipleQuote);
                    return currentSpeaker;
                }
                if (speaker is null) continue;
                usedCues.Add(cue);
                var resolved = Resolve(speaker, paragraph, tokens[speaker.Start].Start);
                cueText = parser.CueText(cue);
                AddQuote(quote, StatementKind.Direct, cueText, resolved, StatementPattern.AttributionThenQuote);
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
                cueText = parser.CueText(cue);
                AddSpan(StatementKind.Mixed, tokens[contentStart].Start, tokens[contentEnd - 1].End, cueText, resolved, StatementPattern.QuoteInReportedClause);
                consumed = contentEnd;
                return resolved;
            }

            // "according to X, “…”" or "“…”, according to X."
            for (var a = floor; a < limit - 2; a++)
            {
                var according = parser.AccordingTo(a, limit);
                if (according is null) continue;
                var resolved = Resolve(according.Speaker, paragraph, tokens[according.Speaker.Start].Start);
                AddQuote(quote, StatementKind.Direct, according.Cue, resolved, StatementPattern.AccordingToQuote);
                cueText = according.Cue;
                return resolved;
            }
            return null;
        }

        /// <summary>", noting that …" after an attribution: a further statement by the same speaker.</summary>
        private void ReadTrailingClause(AttributionParser parser, Attribution attribution, SentenceRange sentence, ResolvedSpeaker speaker, HashSet<int> usedCues)
        {
            var tokens = parser.Tokens;
            var k = attribution.End;
            // "Trump told a North Carolina rally, saying …": past the cue's object and time phrase to the comma.
            for (var t = k; t < sentence.End && t - k < 8; t++)
            {
                if (tokens[t].IsPunct(',')) { k = t; break; }
                if (!tokens[t].IsWord && tokens[t].Kind != TokenKind.Number && !tokens[t].IsPunct('.')) break;
            }
            if (k < sentence.End && tokens[k].IsPunct(',')) k++;
            while (k < sentence.End && StatementLexicon.CueModifiers.Contains(tokens[k].Value) && !parser.IsCue(k)) k++;
            if (k >= sentence.End || !parser.IsCue(k) || usedCues.Contains(k)) return;
            var contentStart = k + 1;
            if (contentStart >= sentence.End) return;
            usedCues.Add(k);
            var contentEnd = ClauseEnd(tokens, contentStart, sentence.End);
            if (contentEnd - contentStart < 3) return;
            AddSpan(StatementKind.Indirect, tokens[contentStart].Start, tokens[contentEnd - 1].End, parser.CueText(k), speaker, StatementPattern.TrailingParticiple);
        }

        /// <summary>Reported speech without quote marks: "China pledged to …", "the white paper emphasizes that …".</summary>
        private void ReadIndirect(AttributionParser parser, SentenceRange sentence, List<QuoteSpan> quotes, int paragraph, HashSet<int> usedCues)
        {
            var tokens = parser.Tokens;
            ReadAccordingTo(parser, sentence, quotes, paragraph, usedCues);
            for (var cue = sentence.Start; cue < sentence.End; cue++)
            {
                if (usedCues.Contains(cue) || InsideQuote(cue, quotes) || !parser.IsCue(cue)) continue;
                var complement = ComplementStart(parser, cue, sentence.End);
                if (complement < 0) continue;
                var clauseFloor = ClauseFloor(tokens, cue, sentence.Start, quotes);
                var speaker = parser.SpeakerBefore(cue, clauseFloor) ?? ParticipleSubject(parser, cue, sentence);
                if (speaker is null || speaker.Kind == SpeakerKind.Pronoun && speaker.Mention.Equals("it", StringComparison.OrdinalIgnoreCase) && !IsSpeechLemma(tokens[cue].Value)) continue;
                var contentEnd = ClauseEnd(tokens, complement, sentence.End);
                if (contentEnd - complement < 3) continue;
                var hasQuote = quotes.Any(q => q.Open >= complement && q.Open < contentEnd);
                // "a website called Real News Right Now" names; "called Trump a “pathological liar”" reports words.
                if (!hasQuote && StatementLexicon.NamingCues.Contains(StatementLexicon.Cues[tokens[cue].Value])) continue;
                usedCues.Add(cue);
                var resolved = Resolve(speaker, paragraph, tokens[speaker.Start].Start);
                AddSpan(hasQuote ? StatementKind.Mixed : StatementKind.Indirect, tokens[complement].Start, tokens[contentEnd - 1].End,
                    parser.CueText(cue), resolved, hasQuote ? StatementPattern.ReportedClauseWithQuote : StatementPattern.ReportedClause);
            }
        }

        /// <summary>"Paul Ryan: FBI Decision Not to Indict Hillary ‘Defies Explanation’": a name and a colon open a headline-like line.</summary>
        private void ReadHeadline(AttributionParser parser, List<QuoteSpan> quotes, int paragraph, int start, int end)
        {
            var tokens = parser.Tokens;
            if (end - start > 250 || tokens.Count < 5 || !tokens[0].IsCapitalised) return;
            var colon = -1;
            for (var k = 1; k < Math.Min(tokens.Count - 3, 6); k++)
            {
                if (tokens[k].IsPunct(':')) { colon = k; break; }
                if (!tokens[k].IsCapitalised && !tokens[k].IsPunct('.')) return;
            }
            if (colon < 0 || StatementLexicon.HeadlineLabels.Contains(tokens[0].Value)) return;
            var named = parser.SpeakerForward(0, colon, allowPronoun: false);
            if (named is not { Kind: SpeakerKind.Name } || named.End != colon || named.Name!.All(c => !char.IsLower(c))) return;
            var contentStart = colon + 1;
            var contentEnd = tokens.Count;
            while (contentEnd > contentStart && tokens[contentEnd - 1].IsSentenceEnd) contentEnd--;
            if (contentEnd - contentStart < 3) return;
            var quoted = quotes.Count > 0 && quotes[0].Open == contentStart;
            AddSpan(quoted ? StatementKind.Direct : StatementKind.Indirect, tokens[contentStart].Start, tokens[contentEnd - 1].End, ":",
                Resolve(named, paragraph, tokens[0].Start), StatementPattern.Headline);
        }

        /// <summary>"Asked whether he would …, Johnson demurred": a question put to someone, without a speaker of its own.</summary>
        private void ReadQuestion(AttributionParser parser, SentenceRange sentence, HashSet<int> usedCues)
        {
            var tokens = parser.Tokens;
            var at = sentence.Start;
            if (tokens[at].Is("When") && at + 1 < sentence.End) at++;
            if (!tokens[at].Is("Asked") && !(at > sentence.Start && tokens[at].Is("asked"))) return;
            var complement = at + 1;
            while (complement < sentence.End && complement - at < 8 && !(tokens[complement].IsWord && tokens[complement].Value is "about" or "whether" or "if" or "what" or "why" or "how" or "when" or "where" or "who")) complement++;
            if (complement >= sentence.End || complement - at >= 8) return;
            var contentEnd = complement + 1;
            while (contentEnd < sentence.End && !tokens[contentEnd].IsPunct(',') && !tokens[contentEnd].IsSentenceEnd) contentEnd++;
            if (contentEnd - complement < 3) return;
            usedCues.Add(at);
            AddSpan(StatementKind.Indirect, tokens[complement].Start, tokens[contentEnd - 1].End, parser.CueText(at), ResolvedSpeaker.None, StatementPattern.Question);
        }

        /// <summary>"According to a State Department official, two were upgraded …": the clause after the source.</summary>
        private void ReadAccordingTo(AttributionParser parser, SentenceRange sentence, List<QuoteSpan> quotes, int paragraph, HashSet<int> usedCues)
        {
            var tokens = parser.Tokens;
            for (var i = sentence.Start; i < sentence.End - 3; i++)
            {
                if (!tokens[i].Is("according") || usedCues.Contains(i) || InsideQuote(i, quotes)) continue;
                // Only where the source comes first: at the sentence start, or after a comma or "But".
                if (i > sentence.Start && !(tokens[i - 1].IsPunct(',') || tokens[i - 1].Is("But") || tokens[i - 1].Is("And"))) continue;
                var according = parser.AccordingTo(i, sentence.End);
                if (according is null || according.End >= sentence.End - 1 || !tokens[according.End].IsPunct(',')) continue;
                var contentStart = according.End + 1;
                // A quote right after is read as a direct quote.
                if (tokens[contentStart].Kind == TokenKind.QuoteMark) continue;
                var contentEnd = ClauseEnd(tokens, contentStart, sentence.End);
                if (contentEnd - contentStart < 3) continue;
                usedCues.Add(i);
                var resolved = Resolve(according.Speaker, paragraph, tokens[according.Speaker.Start].Start);
                var hasQuote = quotes.Any(q => q.Open >= contentStart && q.Open < contentEnd);
                AddSpan(hasQuote ? StatementKind.Mixed : StatementKind.Indirect, tokens[contentStart].Start, tokens[contentEnd - 1].End, according.Cue, resolved, StatementPattern.AccordingTo);
                return;
            }
        }

        /// <summary>
        /// "Romney went after Trump over his taxes, calling it “disqualifying”": a participle after a comma
        /// reports the words of the sentence's subject.
        /// </summary>
        private static SpeakerPhrase? ParticipleSubject(AttributionParser parser, int cue, SentenceRange sentence)
        {
            var tokens = parser.Tokens;
            if (cue < 2) return null;
            var coordinated = tokens[cue - 1].Is("and") || tokens[cue - 1].Is("but");
            if (!coordinated && !tokens[cue].Value.EndsWith("ing", StringComparison.Ordinal)) return null;
            if (!(tokens[cue - 1].IsPunct(',') || (tokens[cue - 1].IsWord && StatementLexicon.NotSubjectEnds.Contains(tokens[cue - 1].Value)))) return null;
            for (var verb = sentence.Start + 1; verb < cue - 1 && verb - sentence.Start <= 12; verb++)
            {
                if (!tokens[verb].IsWord || !tokens[verb].IsLower) continue;
                var subject = parser.SpeakerBefore(verb, sentence.Start);
                if (subject is not null && subject.Start == sentence.Start && subject.Kind != SpeakerKind.Nominal) return subject;
                if (subject is not null && subject.Start == sentence.Start) return subject;
            }
            return null;
        }

        private static bool IsSpeechLemma(string cue) =>
            StatementLexicon.Cues.TryGetValue(cue, out var lemma) && lemma is "say" or "add" or "tell" or "state" or "write" or "report" or "announce" or "warn" or "note";

        /// <summary>Where the reported content after a cue starts: "that …", "to …", "reporters that …", or -1 when none follows.</summary>
        private static int ComplementStart(AttributionParser parser, int cue, int end)
        {
            var tokens = parser.Tokens;
            var k = parser.CueTailEnd(cue);
            if (k >= end) return -1;
            var lemma = StatementLexicon.Cues[tokens[cue].Value];
            if (lemma is "tell" or "warn" or "urge" or "remind" or "assure" or "inform" or "ask")
            {
                // "told reporters that", "told Reuters on Monday that", "told Breitbart News he'd support …"
                var limit = Math.Min(end, k + 7);
                for (var t = k; t < limit; t++)
                    if (tokens[t].Is("that")) return t;
                if (lemma is "urge" or "ask")
                {
                    for (var t = k; t < limit; t++)
                        if (tokens[t].IsWord && tokens[t].Value is "to" or "whether" or "if" or "what" or "why" or "how" or "when" or "where" or "who" or "about")
                            return lemma == "urge" ? k : t;
                }
                var objectEnd = SkipObject(tokens, k, end);
                while (objectEnd < end && IsAdverbial(tokens[objectEnd], true)) objectEnd++;
                return objectEnd > k && objectEnd < end && StartsClause(tokens[objectEnd]) ? objectEnd : -1;
            }
            // "said on Monday that", "pledged on Monday to", "said in a statement Thursday night they …"
            var scan = k;
            while (scan < end && scan - k < 8 && IsAdverbial(tokens[scan], scan > k)) scan++;
            foreach (var at in scan == k ? [k] : (int[])[k, scan])
            {
                if (at >= end) continue;
                if (tokens[at].Is("that")) return at;
                if (tokens[at].Is("to") && lemma is "pledge" or "promise" or "vow" or "threaten" or "urge" or "agree" or "demand" or "propose" or "ask" or "call" or "plan" or "refuse" or "decline" or "offer" or "continue") return at;
                if (tokens[at].IsPunct(':')) return at + 1 < end ? at + 1 : -1;
            }
            // "said the economy will grow", "says he will": a clause follows directly.
            if (lemma is "say" or "add" or "argue" or "claim" or "insist" or "note" or "warn" or "predict" or "acknowledge" or "admit" or "emphasise" or "stress"
                or "explain" or "suggest" or "announce" or "confirm" or "write" or "report" or "state" or "declare" or "assert" or "reveal" or "indicate" or "maintain"
                or "contend" or "concede" or "deny" or "tweet" or "believe" or "estimate" or "recall" or "reiterate" or "complain" or "testify" or "respond" or "reply" or "observe")
            {
                if (StartsClause(tokens[k])) return k;
                if (scan > k && scan < end && StartsClause(tokens[scan])) return scan;
            }
            // "accused Obama of …", "criticized X for …", "called X Y", "praised X": the rest of the clause.
            if (lemma is "accuse" or "call" or "describe" or "criticize" or "praise" or "blame" or "question")
                return k < end && (tokens[k].IsWord || tokens[k].Kind == TokenKind.QuoteMark) ? k : -1;
            return -1;
        }

        /// <summary>The end of a short object after a cue: "reporters", "Breitbart News", "the Associated Press", "him".</summary>
        private static int SkipObject(List<Token> tokens, int k, int end)
        {
            if (k >= end || !tokens[k].IsWord) return k;
            if (StatementLexicon.Pronouns.ContainsKey(tokens[k].Value) || tokens[k].Value is "him" or "her" or "them" or "us" or "me" or "reporters" or "journalists" or "supporters" or "voters" or "listeners" or "viewers" or "attendees" or "the crowd")
                return k + 1;
            var j = k;
            if (StatementLexicon.Determiners.Contains(tokens[j].Value)) j++;
            while (j < end && j - k < 5 && (tokens[j].IsCapitalised || tokens[j].IsPunct('.') && j > k && tokens[j - 1].Value.Length <= 2)) j++;
            if (j == k || (j == k + 1 && StatementLexicon.Determiners.Contains(tokens[k].Value)))
            {
                // "the crowd", "a news conference", "an interviewer": determiner and lower-case nouns.
                while (j < end && j - k < 4 && tokens[j].IsLower && !StartsClauseWord(tokens[j])) j++;
            }
            return j;
        }

        private static bool StartsClause(Token token) =>
            token.Kind == TokenKind.QuoteMark || token.Kind == TokenKind.Number
            || (token.IsWord && (StartsClauseWord(token) || token.IsCapitalised || (token.IsLower && !StatementLexicon.NotClauseStarts.Contains(token.Value))));

        private static bool StartsClauseWord(Token token) =>
            StatementLexicon.Pronouns.ContainsKey(token.Value) || StatementLexicon.Determiners.Contains(token.Value)
            || token.Value is "there" or "it's" or "there's" or "he's" or "she's" or "they're" or "we're" or "i'm" or "it’s" or "there’s" or "he’s" or "she’s" or "they’re" or "we’re" or "his" or "her" or "their" or "our" or "if" or "no" or "nobody" or "everyone" or "nothing" or "what" or "how" or "why" or "whether";

        private static bool IsAdverbial(Token token, bool inside) =>
            token.Kind == TokenKind.Number || token.IsPunct(',') || (inside && token.IsCapitalised)
            || StatementLexicon.TimeWords.Contains(token.Value);

        /// <summary>
        /// Attribution at the end or in the middle of a sentence without quote marks:
        /// "Clinton's van was supposed to be escorted by police, another source said." /
        /// "Putting the show together, Butz said, allowed him to …".
        /// </summary>
        private void ReadTrailingAttribution(AttributionParser parser, SentenceRange sentence, List<QuoteSpan> quotes, int paragraph, HashSet<int> usedCues)
        {
            var tokens = parser.Tokens;
            var end = sentence.End;
            while (end > sentence.Start && (tokens[end - 1].IsSentenceEnd || tokens[end - 1].Kind == TokenKind.QuoteMark || tokens[end - 1].Value is ")")) end--;
            for (var comma = sentence.Start + 3; comma < end - 1; comma++)
            {
                if (!(tokens[comma].IsPunct(',') || tokens[comma].Value is "—" or "–")) continue;
                if (InsideQuote(comma, quotes)) continue;
                var attribution = parser.AttributionAt(comma + 1, end) ?? parser.AccordingTo(comma + 1, end);
                if (attribution is null || usedCues.Contains(attribution.CueIndex)) continue;
                // What follows the attribution: nothing, a short time/place phrase, or (mid-sentence) a comma and the rest.
                var after = attribution.End;
                while (after < end && after - attribution.End < 8 && !tokens[after].IsPunct(',') && !tokens[after].IsPunct('—')
                       && (tokens[after].IsWord || tokens[after].Kind == TokenKind.Number || tokens[after].IsPunct('.')) && !parser.IsCue(after)) after++;
                var midSentence = after < end && (tokens[after].IsPunct(',') || tokens[after].Value is "—" or "–") && after + 2 < end;
                if (after < end && !midSentence) continue;
                if (QuoteEndingAt(comma, quotes)) continue; // "“…,” he said." is a direct quote, read already
                var contentTokens = comma - sentence.Start + (midSentence ? end - after - 1 : 0);
                if (contentTokens < 4) continue;
                usedCues.Add(attribution.CueIndex);
                var resolved = Resolve(attribution.Speaker, paragraph, tokens[attribution.Speaker.Start].Start);
                var contentEnd = midSentence ? tokens[end - 1].End : tokens[comma - 1].End;
                var hasQuote = quotes.Any(q => q.Open >= sentence.Start && q.Open < end);
                AddSpan(hasQuote ? StatementKind.Mixed : StatementKind.Indirect, tokens[sentence.Start].Start, contentEnd, attribution.Cue, resolved, StatementPattern.TrailingAttribution);
                return;
            }
        }

        private static bool QuoteEndingAt(int comma, List<QuoteSpan> quotes)
        {
            foreach (var quote in quotes)
                if (quote.Close >= 0 && (quote.Close == comma - 1 || quote.Close == comma + 1)) return true;
            return false;
        }

        /// <summary>A paragraph that ends "Breitbart News responded:" introduces the next paragraph's quote.</summary>
        private void ReadIntroduction(AttributionParser parser, SentenceRange last, int paragraph, HashSet<int> usedCues)
        {
            var tokens = parser.Tokens;
            if (last.End - last.Start < 2 || !tokens[last.End - 1].IsPunct(':')) return;
            var cue = last.End - 2;
            if (!parser.IsCue(cue) || usedCues.Contains(cue))
            {
                // "… said in a statement:" — the cue a few words before the colon.
                cue = -1;
                for (var k = last.End - 2; k >= Math.Max(last.Start, last.End - 8); k--)
                    if (parser.IsCue(k) && !usedCues.Contains(k)) { cue = k; break; }
                if (cue < 0) return;
            }
            var speaker = parser.SpeakerBefore(cue, ClauseFloor(tokens, cue, last.Start, []))
                ?? parser.AttributionAt(cue, last.End - 1)?.Speaker; // "Stated Stone:"
            if (speaker is null) return;
            usedCues.Add(cue);
            _introducedQuote = (Resolve(speaker, paragraph, tokens[speaker.Start].Start), parser.CueText(cue));
        }

        /// <summary>The earliest token a subject may start at: after an introductory phrase ("In response to …,").</summary>
        private static int ClauseFloor(List<Token> tokens, int cue, int sentenceStart, List<QuoteSpan> quotes)
        {
            for (var k = cue - 1; k > sentenceStart; k--)
            {
                if (tokens[k].Kind == TokenKind.QuoteMark || tokens[k].IsPunct(';')) return k + 1;
            }
            return sentenceStart;
        }

        /// <summary>
        /// Where a reported clause ends: at the sentence end, or where another clause starts — "; ",
        /// ", noting …", ", while …", ", which …", " but did not …", " and said …".
        /// </summary>
        private static int ClauseEnd(List<Token> tokens, int start, int sentenceEnd)
        {
            var end = sentenceEnd;
            var quoteDepth = 0;
            for (var k = start + 1; k < sentenceEnd - 1; k++)
            {
                if (tokens[k].Kind == TokenKind.QuoteMark) quoteDepth ^= 1;
                if (quoteDepth == 1) continue; // never cut inside quoted words
                if (tokens[k].IsPunct(';')) { end = k; break; }
                if (tokens[k].IsPunct(',') && tokens[k + 1].IsWord && StatementLexicon.ClauseBreakers.Contains(tokens[k + 1].Value) && k - start >= 3) { end = k; break; }
                if ((tokens[k].Is("and") || tokens[k].Is("but")) && k - start >= 3 && tokens[k + 1].IsWord
                    && (StatementLexicon.Cues.ContainsKey(tokens[k + 1].Value) || tokens[k + 1].Value is "did" or "does" or "didn't" or "doesn't" or "declined" or "refused" or "stopped" or "left"))
                { end = k; break; }
                // ", noting that …", ", releasing a white paper …": a participle starts another clause.
                if ((tokens[k].IsPunct(',') || tokens[k].Is("and")) && tokens[k + 1].IsLower && tokens[k + 1].Value.Length > 4
                    && tokens[k + 1].Value.EndsWith("ing", StringComparison.OrdinalIgnoreCase)
                    && (tokens[k].IsPunct(',') || StatementLexicon.Cues.ContainsKey(tokens[k + 1].Value))) { end = k; break; }
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

        private Statement? AddQuote(QuoteSpan quote, StatementKind kind, string? cue, ResolvedSpeaker speaker, StatementPattern pattern)
        {
            var start = quote.ContentStart;
            var end = quote.ContentEnd;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == ',')) end--;
            if (end - start < 2) return null;
            var statement = Create(kind, start, end, cue, speaker, pattern);
            if (!StatementLexicon.Unreported.Contains(pattern)) _statements.Add(statement);
            return statement;
        }

        /// <summary>
        /// Confidence = how often the pattern that found the statement is right on annotated news
        /// (<see cref="StatementLexicon.PatternPrecision"/>) × how sure the speaker's resolution is.
        /// </summary>
        private Statement Create(StatementKind kind, int start, int end, string? cue, ResolvedSpeaker speaker, StatementPattern pattern) =>
            new(kind, text[start..end], speaker.Speaker, cue, start, end, Math.Round(StatementLexicon.PatternPrecision[pattern] * speaker.Certainty, 2))
            {
                Pattern = StatementLexicon.PatternName(pattern),
            };

        /// <summary>
        /// "“We have a process,” he said. “It's called an election.”" is one statement: a quote carried over
        /// from the paragraph's speaker joins the quote before it, attribution and all (as annotated news
        /// corpora such as PolNeAR mark it).
        /// </summary>
        /// <summary>The text between two quotes is only an attribution: one sentence, ending before the second quote opens.</summary>
        private bool IsAttributionGap(int from, int to)
        {
            var gap = text.AsSpan(from, to - from);
            if (gap.Contains('\n')) return false;
            var trimmed = gap.TrimEnd();
            while (!trimmed.IsEmpty && StatementLexicon.IsQuoteMark(trimmed[^1])) trimmed = trimmed[..^1].TrimEnd();
            if (trimmed.IsEmpty) return false;
            // Quote marks inside the gap (beyond Q1's closing one) mean other quoted words: not a plain attribution.
            var marks = 0;
            foreach (var c in gap) if (StatementLexicon.IsQuoteMark(c) || c == '"') marks++;
            return marks <= 99;
        }

        private List<Statement> MergeContinuations()
        {
            var merged = new List<Statement>(_statements.Count);
            foreach (var statement in _statements)
            {
                // A quote that runs over paragraphs (an opening mark at each, one closing mark at the end) is one statement.
                if (merged.Count > 0 && _runOn.Contains(statement) && merged[^1] is { Kind: StatementKind.Direct } opened
                    && opened.Speaker == statement.Speaker && statement.Start > opened.End)
                {
                    merged[^1] = opened with { Text = text[opened.Start..statement.End], End = statement.End };
                    continue;
                }
                if (merged.Count > 0 && _carried.Contains(statement) && merged[^1] is { Kind: StatementKind.Direct } previous
                    && previous.Speaker == statement.Speaker && statement.Start > previous.End
                    && statement.Start - previous.End < 200 && IsAttributionGap(previous.End, statement.Start))
                {
                    merged[^1] = previous with
                    {
                        Text = text[previous.Start..statement.End],
                        End = statement.End,
                        Confidence = Math.Max(previous.Confidence, statement.Confidence),
                    };
                    continue;
                }
                merged.Add(statement);
            }
            return merged;
        }

        private void AddSpan(StatementKind kind, int start, int end, string cue, ResolvedSpeaker speaker, StatementPattern pattern)
        {
            while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or '.')) end--;
            if (end - start < 2 || StatementLexicon.Unreported.Contains(pattern)) return;
            _statements.Add(Create(kind, start, end, cue, speaker, pattern));
        }
    }
}
