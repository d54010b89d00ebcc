using System.Text.RegularExpressions;

namespace NewsMonitor.Extraction.Statements;

/// <summary>
/// Recognises attributions in a paragraph's tokens: "said Cao Shumin, deputy director of ...",
/// "she added", "Qi Xiaoxia, head of ..., argued", "chief executive Lowell McAdam said",
/// "an intelligence source, who was not authorized to speak, told Fox News", "according to officials".
/// </summary>
/// <remarks>
/// A speaker's mention is the whole noun phrase naming them at the statement, appositive included
/// ("Isaac Boltansky, an analyst at Compass Point"); its name is the proper name inside it, and its
/// role the appositive or the words before the name ("chief executive").
/// </remarks>
internal sealed partial class AttributionParser(string text, List<Token> tokens)
{
    private const int MaxNominalTokens = 9;
    private const int MaxRoleTokens = 24;
    private const int MaxRolePrefixTokens = 5;

    public List<Token> Tokens => tokens;

    /// <summary>Is the token at <paramref name="i"/> a reporting verb used as one (not "was told", not a noun)?</summary>
    public bool IsCue(int i)
    {
        if (i < 0 || i >= tokens.Count || !tokens[i].IsWord) return false;
        var word = tokens[i].Value;
        if (!StatementLexicon.Cues.ContainsKey(word)) return false;
        if (StatementLexicon.CueParticles.TryGetValue(word, out var particle)
            && !(i + 1 < tokens.Count && tokens[i + 1].Is(particle))) return false;
        if (i > 0 && StatementLexicon.PassiveMarkers.Contains(tokens[i - 1].Value) && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
            return false;
        if (i > 0 && tokens[i - 1].Value is "was" or "were" or "been" or "being" && word.Equals("told", StringComparison.OrdinalIgnoreCase))
            return false;
        // "the said document", "a told story": a determiner before makes it an adjective.
        if (i > 0 && tokens[i - 1].Value is "the" or "a" or "an") return false;
        // "Editor's note:", "the AP's report": after a possessive it is a noun ("he's said" is "he has said").
        if (i > 0 && IsPossessive(tokens[i - 1]) && !IsContraction(tokens[i - 1])) return false;
        // "United States", "New York Post": a capitalised word after another is part of a name.
        if (tokens[i].IsCapitalised && i > 0 && tokens[i - 1].IsCapitalised) return false;
        return true;
    }

    /// <summary>
    /// The cue as written: the verb with its particle ("pointed out"), the auxiliaries and adverbs right
    /// before it ("has said", "also told"), a lead ("issued a statement saying") and a colon right after it ("responded:").
    /// </summary>
    public string CueText(int i)
    {
        var start = LeadStart(i);
        while (start - 1 >= 0 && tokens[start - 1].IsWord && StatementLexicon.CueAuxiliaries.Contains(tokens[start - 1].Value)) start--;
        var end = CueTailEnd(i);
        if (end < tokens.Count && tokens[end].IsPunct(':') && tokens[end].Start == tokens[end - 1].End) end++;
        return text[tokens[start].Start..tokens[end - 1].End];
    }

    /// <summary>"he's", "that's": a pronoun with "has" or "is", not a possessive.</summary>
    private static bool IsContraction(Token token) =>
        token.Value.Length > 2 && (StatementLexicon.Pronouns.ContainsKey(token.Value[..^2])
                                   || token.Value[..^2].ToLowerInvariant() is "that" or "who" or "there" or "what" or "here" or "where" or "it");

    /// <summary>Token index of a lead phrase written right before the cue ("issued a statement saying"), else the cue's.</summary>
    private int LeadStart(int i)
    {
        if (!StatementLexicon.CueLeads.TryGetValue(tokens[i].Value, out var leads)) return i;
        foreach (var lead in leads)
        {
            var length = lead.Count(c => c == ' ') + 1;
            if (PhraseAt(i - length, lead)) return i - length;
        }
        return i;
    }

    /// <summary>Token index past the cue and a written tail ("called for", "said in a statement"), if one follows.</summary>
    public int CueTailEnd(int i)
    {
        var end = CueEnd(i);
        if (!StatementLexicon.Cues.TryGetValue(tokens[i].Value, out var lemma) || !StatementLexicon.CueTails.TryGetValue(lemma, out var tails)) return end;
        foreach (var tail in tails)
            if (PhraseAt(end, tail)) return end + tail.Count(c => c == ' ') + 1;
        return end;
    }

    /// <summary>Whether the tokens from <paramref name="start"/> are the words of <paramref name="phrase"/> (space-separated).</summary>
    private bool PhraseAt(int start, string phrase)
    {
        var words = phrase.Split(' ');
        if (start < 0 || start + words.Length > tokens.Count) return false;
        for (var w = 0; w < words.Length; w++)
            if (!tokens[start + w].Is(words[w])) return false;
        return true;
    }

    /// <summary>Token index just past the verb (and its particle).</summary>
    public int CueEnd(int i) =>
        StatementLexicon.CueParticles.TryGetValue(tokens[i].Value, out var particle) && i + 1 < tokens.Count && tokens[i + 1].Is(particle) ? i + 2 : i + 1;

    /// <summary>"said Cao Shumin, deputy director ..." or "she said" starting at <paramref name="i"/> (after a quote).</summary>
    public Attribution? AttributionAt(int i, int limit)
    {
        if (i >= limit) return null;
        // Cue first: "said Cao Shumin", "added the minister".
        if (IsCue(i))
        {
            var speaker = SpeakerForward(CueEnd(i), limit, allowPronoun: true);
            if (speaker is null) return null;
            var withRole = WithAppositive(speaker, limit);
            return new Attribution(withRole, i, CueText(i), Math.Max(withRole.End, AppositiveEnd(speaker.End, limit)));
        }
        // Speaker first: "she said", "Qi Xiaoxia, head of ..., said", "the ministry said in a statement".
        var subject = SpeakerForward(i, limit, allowPronoun: true);
        if (subject is null) return null;
        var phrase = subject;
        var j = subject.End;
        if (j < limit && tokens[j].IsPunct(','))
        {
            var (role, roleEnd) = AppositiveAfter(j, limit, allowRelative: true);
            if (role is not null && roleEnd - 1 < limit && roleEnd - 1 > j && tokens[roleEnd - 1].IsPunct(','))
            {
                phrase = Extend(subject, roleEnd - 1, role);
                j = roleEnd;
            }
        }
        while (j < limit && StatementLexicon.CueModifiers.Contains(tokens[j].Value) && !IsCue(j)) j++;
        if (j < limit && IsCue(j))
            return new Attribution(phrase, j, CueText(j), CueEnd(j));
        return null;
    }

    /// <summary>The speaker of the cue at <paramref name="cue"/>, read backwards, not before <paramref name="floor"/>.</summary>
    public SpeakerPhrase? SpeakerBefore(int cue, int floor)
    {
        var j = cue - 1;
        while (j >= floor && tokens[j].IsWord && StatementLexicon.CueModifiers.Contains(tokens[j].Value)) j--;
        if (j < floor) return null;
        string? role = null;
        var mentionEnd = j + 1;
        if (tokens[j].IsPunct(','))
        {
            // "Qi Xiaoxia, head of the administration’s international cooperation office, argued"
            var k = j - 1;
            while (k >= floor && j - k <= MaxRoleTokens && !tokens[k].IsPunct(',') && !tokens[k].IsSentenceEnd && tokens[k].Kind != TokenKind.QuoteMark) k--;
            if (k < floor || !tokens[k].IsPunct(',') || k + 1 >= j) return null;
            if (!LooksLikeRole(k + 1, allowRelative: true))
            {
                // "Her campaign manager, Robby Mook, suggested": a description, then the name in commas.
                var inner = SpeakerEndingAt(j - 1, k + 1);
                var outer = k - 1 >= floor ? SpeakerEndingAt(k - 1, floor) : null;
                if (inner is { Kind: SpeakerKind.Name } && inner.Start == k + 1 && outer is { Kind: SpeakerKind.Nominal })
                    return inner with { Start = outer.Start, Mention = Span(outer.Start, j), Role = outer.Mention };
                return null;
            }
            role = Span(k + 1, j);
            mentionEnd = j; // the mention runs to the appositive's end, closing comma excluded
            j = k - 1;
            if (j < floor) return null;
        }
        var phrase = SpeakerEndingAt(j, floor);
        if (phrase is null) return null;
        return role is null ? phrase : Extend(phrase, mentionEnd, CleanRole(role));
    }

    /// <summary>"according to X" at <paramref name="i"/>: the speaker (the whole phrase up to the comma), or null.</summary>
    public Attribution? AccordingTo(int i, int limit)
    {
        if (i + 2 >= limit || !tokens[i].Is("according") || !tokens[i + 1].Is("to")) return null;
        var start = i + 2;
        var end = start;
        while (end < limit && end - start < 20 && !tokens[end].IsPunct(',') && !tokens[end].IsPunct(';') && !tokens[end].IsSentenceEnd
               && tokens[end].Value is not ("—" or "–") && tokens[end].Kind != TokenKind.QuoteMark)
            end++;
        if (end == start) return null;
        // The name in "USA TODAY contributor and monetary historian David Marsh" is its last capitalised run.
        SpeakerPhrase? named = null;
        var k = end - 1;
        if (tokens[k].IsCapitalised)
        {
            named = SpeakerEndingAt(k, start);
            if (named is { Kind: not SpeakerKind.Name }) named = null;
        }
        var mention = Span(start, end);
        var speaker = named is not null
            ? named with { Start = start, End = end, Mention = mention, Role = named.Role ?? (named.Start > start ? Span(start, named.Start) : null) }
            : new SpeakerPhrase(SpeakerKind.Nominal, start, end, mention, null, null, null);
        return new Attribution(speaker, i, text[tokens[i].Start..tokens[i + 1].End], end);
    }

    private SpeakerPhrase WithAppositive(SpeakerPhrase speaker, int limit)
    {
        speaker = WithOrganisation(speaker, limit);
        var (role, end) = AppositiveAfter(speaker.End, limit, allowRelative: speaker.Kind != SpeakerKind.Pronoun);
        if (role is null) return speaker;
        var mentionEnd = end > speaker.End && tokens[end - 1].IsPunct(',') ? end - 1 : end;
        return Extend(speaker, mentionEnd, role);
    }

    /// <summary>"David French of the National Retail Federation", "Gov. Terry Branstad of Iowa": the name's organisation or place.</summary>
    private SpeakerPhrase WithOrganisation(SpeakerPhrase speaker, int limit)
    {
        if (speaker.Kind != SpeakerKind.Name || speaker.End + 1 >= limit || !(tokens[speaker.End].Is("of") || tokens[speaker.End].Is("at") || tokens[speaker.End].Is("from"))) return speaker;
        var k = speaker.End + 1;
        if (k < limit && tokens[k].Is("the")) k++;
        var start = k;
        while (k < limit && (tokens[k].IsCapitalised || (tokens[k].Value is "of" or "and" or "for" or "&" && k + 1 < limit && tokens[k + 1].IsCapitalised))) k++;
        if (k == start) return speaker;
        return speaker with { End = k, Mention = Span(speaker.Start, k), Role = speaker.Role ?? Span(speaker.End, k) };
    }

    private int AppositiveEnd(int i, int limit) => AppositiveAfter(i, limit, allowRelative: true).End;

    /// <summary>The phrase with its mention running to <paramref name="end"/> and the given role (unless it has one).</summary>
    private SpeakerPhrase Extend(SpeakerPhrase phrase, int end, string? role) =>
        phrase with { End = end, Mention = Span(phrase.Start, end), Role = phrase.Role ?? (role is null || IsRelativeClause(role) ? null : role) };

    private static bool IsRelativeClause(string role) =>
        role.StartsWith("who ", StringComparison.Ordinal) || role.StartsWith("which ", StringComparison.Ordinal) || role.StartsWith("whose ", StringComparison.Ordinal);

    private SpeakerPhrase? SpeakerEndingAt(int j, int floor)
    {
        var last = tokens[j];
        // "took the stage and called …", "soared in the polls by saying …": the subject is further back.
        if (last.IsWord && StatementLexicon.NotSubjectEnds.Contains(last.Value)) return null;
        // "President Barack Obama, who claimed …": the relative pronoun speaks for the noun before the comma.
        if (last.IsWord && last.Value is "who" or "which" && j - 1 > floor && tokens[j - 1].IsPunct(','))
        {
            var antecedent = SpeakerEndingAt(j - 2, floor);
            if (antecedent is null) return null;
            return antecedent with { Start = j, End = j + 1, Mention = last.Value };
        }
        if (last.IsWord && StatementLexicon.Pronouns.TryGetValue(last.Value, out var gender))
        {
            var clauseStart = j == floor || !tokens[j - 1].IsWord || tokens[j - 1].Value is "and" or "but" or "that" or "as" or "when" or "so" or "because" or "while" or "which" or "what";
            return clauseStart ? new SpeakerPhrase(SpeakerKind.Pronoun, j, j + 1, last.Value, null, null, null) { Gender = gender } : null;
        }
        // Names: a run of capitalised words ending at j, with the role words before it ("chief executive Lowell McAdam").
        if (last.IsCapitalised)
        {
            var k = j;
            while (k - 1 >= floor && IsNameToken(k - 1, floor, j + 1)) k--;
            while (k <= j && tokens[k].IsCapitalised && StatementLexicon.NotNames.Contains(tokens[k].Value) && !StatementLexicon.Titles.ContainsKey(tokens[k].Value))
            {
                if (tokens[k].Is("The") && k < j) break;
                k++;
            }
            if (k <= j)
            {
                var named = NamePhrase(k, j + 1);
                if (named is not null) return WithRolePrefix(named, floor);
            }
        }
        // Descriptions: "the white paper", "a spokeswoman for the ministry", "officials".
        if (last.IsWord)
        {
            var k = j;
            while (k - 1 >= floor && j - k < MaxNominalTokens && (tokens[k - 1].IsWord || tokens[k - 1].Kind == TokenKind.Number)
                   && !StatementLexicon.Cues.ContainsKey(tokens[k - 1].Value)
                   && tokens[k - 1].Value is not ("but" or "that" or "which" or "who" or "while" or "as" or "because" or "if" or "when")
                   && !(tokens[k - 1].Is("and") && !StatementLexicon.BareSpeakers.Contains(last.Value)))
                k--;
            for (var start = k; start <= j; start++)
            {
                var first = tokens[start];
                // "the white paper", "Carter’s press secretary": a determiner or a possessive opens the description.
                if (StatementLexicon.Determiners.Contains(first.Value) || IsPossessive(first) && start < j)
                    return Nominal(start, j + 1);
                // "legal experts", "Many environmental groups and climate experts", "Trump fans": modifiers and a plural head.
                if (StatementLexicon.BareSpeakers.Contains(last.Value) && (start == k || start == j))
                    return Nominal(start, j + 1);
            }
            // A percentage or number of people: "Sixty-six percent said", "38 percent say".
            if (last.Is("percent") || last.Is("%")) return Nominal(Math.Max(floor, j - 1), j + 1);
        }
        return null;
    }

    private static bool IsPossessive(Token token) =>
        token.IsWord && (token.Value.EndsWith("’s", StringComparison.Ordinal) || token.Value.EndsWith("'s", StringComparison.Ordinal));

    /// <summary>Role words written before a name: "chief executive Lowell McAdam", "Clinton campaign spokesman Brian Fallon".</summary>
    private SpeakerPhrase WithRolePrefix(SpeakerPhrase named, int floor)
    {
        var k = named.Start;
        var sawRoleNoun = false;
        while (k - 1 >= floor && named.Start - (k - 1) <= MaxRolePrefixTokens && tokens[k - 1].IsWord
               && !StatementLexicon.Cues.ContainsKey(tokens[k - 1].Value) && tokens[k - 1].Value is not ("and" or "but" or "that" or "which" or "who" or "said"))
        {
            var word = tokens[k - 1].Value;
            if (StatementLexicon.RoleNouns.Contains(word)) sawRoleNoun = true;
            else if (!sawRoleNoun) break; // the words just before the name must include a role noun
            k--;
            if (StatementLexicon.Determiners.Contains(word)) break;
        }
        if (k == named.Start || !sawRoleNoun) return named;
        return named with { Start = k, Mention = Span(k, named.End), Role = named.Role ?? Span(k, named.Start) };
    }

    /// <summary>A speaker starting at <paramref name="i"/>: pronoun, name (with titles) or description.</summary>
    public SpeakerPhrase? SpeakerForward(int i, int limit, bool allowPronoun)
    {
        if (i >= limit) return null;
        var first = tokens[i];
        if (!first.IsWord && first.Kind != TokenKind.Number) return null;
        if (first.IsWord && StatementLexicon.Pronouns.TryGetValue(first.Value, out var gender))
            return allowPronoun ? new SpeakerPhrase(SpeakerKind.Pronoun, i, i + 1, first.Value, null, null, null) { Gender = gender } : null;
        // "chief executive Lowell McAdam said", "Clinton campaign spokesman Brian Fallon responded":
        // find the cue ahead and read the phrase before it backwards.
        for (var k = i; k < limit && k - i <= MaxRolePrefixTokens + 4; k++)
        {
            if (!tokens[k].IsWord && !tokens[k].IsPunct('.') && tokens[k].Kind != TokenKind.Number) break;
            if (k > i && IsCue(k))
            {
                var end = k - 1;
                while (end > i && StatementLexicon.CueModifiers.Contains(tokens[end].Value)) end--;
                var backwards = SpeakerEndingAt(end, i);
                if (backwards is not null && backwards.Start == i) return backwards;
                break;
            }
        }
        // "former South Carolina Gov. Jim Hodges", "campaign spokesman Brian Fallon": role words, then the name.
        if (first.IsLower && (StatementLexicon.RoleNouns.Contains(first.Value) || StatementLexicon.RoleModifiers.Contains(first.Value)))
        {
            var k = i;
            while (k < limit && k - i < MaxRolePrefixTokens && tokens[k].IsLower && !IsCue(k)) k++;
            if (k > i && k < limit && tokens[k].IsCapitalised)
            {
                var named = SpeakerForward(k, limit, allowPronoun: false);
                if (named is { Kind: SpeakerKind.Name })
                    return named with { Start = i, Mention = Span(i, named.End), Role = named.Role ?? Span(i, k) };
            }
        }
        if (first.IsCapitalised && (!StatementLexicon.NotNames.Contains(first.Value) || StatementLexicon.Titles.ContainsKey(first.Value) || first.Is("The")))
        {
            var start = first.Is("The") ? i + 1 : i;
            var j = start;
            while (j < limit && IsNameToken(j, start, limit))
            {
                if (j > start && StatementLexicon.Cues.ContainsKey(tokens[j].Value)) break;
                j++;
            }
            if (j > start)
            {
                var named = NamePhrase(start, j);
                if (named is not null)
                    return first.Is("The") ? named with { Start = i, Mention = Span(i, j), Kind = SpeakerKind.Name } : named;
            }
        }
        if (StatementLexicon.Determiners.Contains(first.Value) || StatementLexicon.BareSpeakers.Contains(first.Value)
            || (first.IsCapitalised && i + 1 < limit && StatementLexicon.BareSpeakers.Contains(tokens[i + 1].Value)))
        {
            var j = i + 1;
            while (j < limit && j - i < MaxNominalTokens && (tokens[j].IsWord || tokens[j].Kind == TokenKind.Number) && !IsCue(j)
                   && tokens[j].Value is not ("and" or "but" or "that" or "who" or "which" or "in" or "on" or "at" or "during" or "after" or "before" or "when" or "while"))
                j++;
            if (j < limit && (IsCue(j) || tokens[j].IsPunct(',') || tokens[j].IsSentenceEnd) || j == limit)
                return Nominal(i, j);
            // "the ministry said in a statement": stop at the cue even when a preposition follows it.
            return j > i + 1 ? Nominal(i, j) : null;
        }
        return null;
    }

    private SpeakerPhrase? NamePhrase(int start, int end)
    {
        var titles = new List<string>();
        var k = start;
        while (k < end - 1 && tokens[k].IsWord && StatementLexicon.IsTitle(tokens[k].Value))
        {
            titles.Add(tokens[k].Value);
            k++;
            if (k < end - 1 && tokens[k].IsPunct('.')) k++;
        }
        if (k >= end) return null;
        var nameTokens = new List<Token>();
        for (var t = k; t < end; t++)
            if (tokens[t].IsWord) nameTokens.Add(tokens[t]);
        if (nameTokens.Count == 0 || nameTokens.Count > 6) return null;
        if (nameTokens.All(t => StatementLexicon.NotNames.Contains(t.Value))) return null;
        var name = text[tokens[k].Start..tokens[end - 1].End];
        var gender = Gender.Unknown;
        foreach (var title in titles)
            if (StatementLexicon.Titles.TryGetValue(title, out var g) && g != Gender.Unknown) gender = g;
        return new SpeakerPhrase(SpeakerKind.Name, start, end, Span(start, end), name, titles.Count > 0 ? string.Join(' ', titles) : null, null)
        {
            Gender = gender,
        };
    }

    private SpeakerPhrase Nominal(int start, int end)
    {
        var gender = Gender.Unknown;
        for (var t = start; t < end; t++)
            if (StatementLexicon.GenderedNouns.TryGetValue(tokens[t].Value, out var g)) gender = g;
        if (gender == Gender.Unknown && StatementLexicon.BareSpeakers.Contains(tokens[end - 1].Value)) gender = Gender.Plural;
        return new SpeakerPhrase(SpeakerKind.Nominal, start, end, Span(start, end), null, null, null) { Gender = gender };
    }

    /// <summary>", deputy director of the Cyberspace Administration of China," after a name: the role and where it ends.</summary>
    public (string? Role, int End) AppositiveAfter(int i, int limit, bool allowRelative = false)
    {
        if (i >= limit || !tokens[i].IsPunct(',') || i + 1 >= limit || !LooksLikeRole(i + 1, allowRelative)) return (null, i);
        var j = i + 1;
        while (j < limit && j - i <= MaxRoleTokens && !tokens[j].IsPunct(',') && !tokens[j].IsPunct(';') && tokens[j].Kind != TokenKind.QuoteMark
               && !(tokens[j].IsSentenceEnd && (j + 1 >= limit || !tokens[j + 1].IsLower) && !AfterAbbreviation(j)) && !(IsCue(j) && !tokens[i + 1].Value.StartsWith("wh", StringComparison.Ordinal)))
            j++;
        if (j - i > MaxRoleTokens || j == i + 1) return (null, i);
        var role = CleanRole(Span(i + 1, j));
        // Include the closing comma of the appositive, so a caller can continue after it.
        var end = j < limit && tokens[j].IsPunct(',') ? j + 1 : j;
        return (role, end);
    }

    /// <summary>Is the period at <paramref name="j"/> the end of "Mr.", "Sen." or an initial rather than of a sentence?</summary>
    private bool AfterAbbreviation(int j) =>
        tokens[j].IsPunct('.') && j > 0 && tokens[j - 1].IsWord
        && (StatementLexicon.IsTitle(tokens[j - 1].Value) || StatementLexicon.Abbreviations.Contains(tokens[j - 1].Value)
            || (tokens[j - 1].Value.Length == 1 && char.IsUpper(tokens[j - 1].Value[0])));

    private bool LooksLikeRole(int i, bool allowRelative = false)
    {
        var first = tokens[i];
        if (first.Kind == TokenKind.Number) return true; // ", 59, of North Philadelphia"
        if (!first.IsWord) return false;
        if (allowRelative && first.Value is "who" or "whose" or "which") return true;
        if (first.IsLower) return !StatementLexicon.Cues.ContainsKey(first.Value) && first.Value is not ("who" or "which" or "that" or "and" or "but" or "noting" or "adding" or "saying" or "as" or "in" or "on" or "at" or "during" or "after" or "before" or "when" or "while" or "if" or "although" or "because" or "though" or "so");
        // "Deputy Director of ...", "President of ...", "R-Ky."
        return (StatementLexicon.Titles.ContainsKey(first.Value) && i + 1 < tokens.Count && (tokens[i + 1].IsLower || tokens[i + 1].IsCapitalised))
            || PartyState().IsMatch(first.Value)
            || OrganisationRole(i);
    }

    /// <summary>"Color of Change's executive director", "Amnesty International spokesman": an organisation's name, then a role.</summary>
    private bool OrganisationRole(int i)
    {
        var j = i;
        while (j < tokens.Count && j - i < 8 && tokens[j].IsWord && (tokens[j].IsCapitalised || tokens[j].Value is "of" or "for" or "and" or "the"))
        {
            if (IsPossessive(tokens[j]) && !IsContraction(tokens[j])) return j + 1 < tokens.Count && tokens[j + 1].IsLower;
            j++;
        }
        // The organisation runs straight into a lower-case role that ends the appositive.
        var k = j;
        while (k < tokens.Count && k - j < 3 && tokens[k].IsLower) k++;
        return j > i && k > j && StatementLexicon.RoleNouns.Contains(tokens[k - 1].Value) && k < tokens.Count && tokens[k].IsPunct(',');
    }

    /// <summary>Removes stray periods inside a role ("Administration. of China") and surrounding punctuation.</summary>
    public static string CleanRole(string role)
    {
        var cleaned = StrayPeriod().Replace(role, " ");
        return cleaned.Trim().TrimEnd(',', '.', ';').Trim();
    }

    public string Span(int start, int end) => start >= end ? "" : text[tokens[start].Start..tokens[end - 1].End];

    /// <summary>Can the token at <paramref name="j"/> be part of a name: a capitalised word, a particle
    /// between capitalised words ("von der"), or the period of a title or initial ("Mr.", "F.")?</summary>
    private bool IsNameToken(int j, int floor, int limit)
    {
        var token = tokens[j];
        if (token.IsCapitalised) return true;
        var nextCapitalised = j + 1 < limit && tokens[j + 1].IsCapitalised;
        if (token.IsWord) return StatementLexicon.NameParticles.Contains(token.Value) && nextCapitalised && j > floor && tokens[j - 1].IsCapitalised;
        if (token.IsPunct('.') && j > floor && nextCapitalised)
        {
            var previous = tokens[j - 1];
            return previous.IsWord && (StatementLexicon.IsTitle(previous.Value) || (previous.Value.Length == 1 && char.IsUpper(previous.Value[0])));
        }
        return false;
    }

    [GeneratedRegex(@"\.\s+(?=\p{Ll})")]
    private static partial Regex StrayPeriod();

    // "R-Ky.", "D-Calif.": party and state after a US politician's name.
    [GeneratedRegex(@"^[RDI]-[A-Z][a-z]*$")]
    private static partial Regex PartyState();
}
