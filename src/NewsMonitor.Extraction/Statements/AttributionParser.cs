using System.Text.RegularExpressions;

namespace NewsMonitor.Extraction.Statements;

/// <summary>
/// Recognises attributions in a paragraph's tokens: "said Cao Shumin, deputy director of ...",
/// "she added", "Qi Xiaoxia, head of ..., argued", "according to officials".
/// </summary>
internal sealed partial class AttributionParser(string text, List<Token> tokens)
{
    private const int MaxNominalTokens = 9;
    private const int MaxRoleTokens = 24;

    public List<Token> Tokens => tokens;

    /// <summary>Is the token at <paramref name="i"/> a reporting verb used as one (not "was told", not a noun)?</summary>
    public bool IsCue(int i)
    {
        if (i < 0 || i >= tokens.Count || !tokens[i].IsWord) return false;
        var word = tokens[i].Value;
        if (!StatementLexicon.Cues.ContainsKey(word)) return false;
        if (StatementLexicon.CueParticles.TryGetValue(word, out var particle)
            && !(i + 1 < tokens.Count && tokens[i + 1].Is(particle))) return false;
        if (i > 0 && StatementLexicon.PassiveMarkers.Contains(tokens[i - 1].Value) && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase)
            && !word.Equals("told", StringComparison.OrdinalIgnoreCase))
            return false;
        if (i > 0 && tokens[i - 1].Value is "was" or "were" or "been" or "being" && word.Equals("told", StringComparison.OrdinalIgnoreCase))
            return false;
        return true;
    }

    public string CueText(int i)
    {
        var word = tokens[i].Value;
        return StatementLexicon.CueParticles.TryGetValue(word, out var particle) && i + 1 < tokens.Count && tokens[i + 1].Is(particle)
            ? text[tokens[i].Start..tokens[i + 1].End]
            : word;
    }

    private int CueEnd(int i) =>
        StatementLexicon.CueParticles.ContainsKey(tokens[i].Value) && i + 1 < tokens.Count ? i + 2 : i + 1;

    /// <summary>"said Cao Shumin, deputy director ..." or "she said" starting at <paramref name="i"/> (after a quote).</summary>
    public Attribution? AttributionAt(int i, int limit)
    {
        if (i >= limit) return null;
        // Cue first: "said Cao Shumin", "added the minister".
        if (IsCue(i))
        {
            var speaker = SpeakerForward(CueEnd(i), limit, allowPronoun: true);
            if (speaker is not null)
            {
                var (role, end) = AppositiveAfter(speaker.End, limit);
                return new Attribution(role is null ? speaker : speaker with { Role = role }, i, CueText(i), end);
            }
            return null;
        }
        // Speaker first: "she said", "Qi Xiaoxia, head of ..., said", "the ministry said in a statement".
        var subject = SpeakerForward(i, limit, allowPronoun: true);
        if (subject is null) return null;
        var j = subject.End;
        string? appositive = null;
        if (j < limit && tokens[j].IsPunct(','))
        {
            var (role, roleEnd) = AppositiveAfter(j, limit);
            if (role is not null && roleEnd < limit && tokens[roleEnd - 1].IsPunct(','))
            {
                appositive = role;
                j = roleEnd;
            }
        }
        while (j < limit && StatementLexicon.CueModifiers.Contains(tokens[j].Value) && !IsCue(j)) j++;
        if (j < limit && IsCue(j))
            return new Attribution(appositive is null ? subject : subject with { Role = appositive }, j, CueText(j), CueEnd(j));
        return null;
    }

    /// <summary>The speaker of the cue at <paramref name="cue"/>, read backwards, not before <paramref name="floor"/>.</summary>
    public SpeakerPhrase? SpeakerBefore(int cue, int floor)
    {
        var j = cue - 1;
        while (j >= floor && tokens[j].IsWord && StatementLexicon.CueModifiers.Contains(tokens[j].Value)) j--;
        if (j < floor) return null;
        string? role = null;
        if (tokens[j].IsPunct(','))
        {
            // "Qi Xiaoxia, head of the administration’s international cooperation office, argued"
            var k = j - 1;
            while (k >= floor && j - k <= MaxRoleTokens && !tokens[k].IsPunct(',') && !tokens[k].IsSentenceEnd && tokens[k].Kind != TokenKind.QuoteMark) k--;
            if (k < floor || !tokens[k].IsPunct(',') || k + 1 >= j) return null;
            var roleText = Span(k + 1, j);
            if (!LooksLikeRole(k + 1)) return null;
            role = roleText;
            j = k - 1;
            if (j < floor) return null;
        }
        var phrase = SpeakerEndingAt(j, floor);
        if (phrase is null) return null;
        return role is null ? phrase : phrase with { Role = CleanRole(role) };
    }

    /// <summary>"according to X" at <paramref name="i"/>: the speaker, or null.</summary>
    public Attribution? AccordingTo(int i, int limit)
    {
        if (i + 2 >= limit || !tokens[i].Is("according") || !tokens[i + 1].Is("to")) return null;
        var speaker = SpeakerForward(i + 2, limit, allowPronoun: false);
        if (speaker is null) return null;
        var (role, end) = AppositiveAfter(speaker.End, limit);
        return new Attribution(role is null ? speaker : speaker with { Role = role }, i, text[tokens[i].Start..tokens[i + 1].End], end);
    }

    private SpeakerPhrase? SpeakerEndingAt(int j, int floor)
    {
        var last = tokens[j];
        if (last.IsWord && StatementLexicon.Pronouns.TryGetValue(last.Value, out var gender))
        {
            var clauseStart = j == floor || !tokens[j - 1].IsWord || tokens[j - 1].Value is "and" or "but" or "that" or "as" or "when" or "so" or "because" or "while";
            return clauseStart ? new SpeakerPhrase(SpeakerKind.Pronoun, j, j + 1, last.Value, null, null, null) { Gender = gender } : null;
        }
        // Names: a run of capitalised words ending at j.
        if (last.IsCapitalised || last.Value.EndsWith('.'))
        {
            var k = j;
            while (k - 1 >= floor && IsNameToken(k - 1, floor, j + 1))
                k--;
            while (k <= j && tokens[k].IsCapitalised && StatementLexicon.NotNames.Contains(tokens[k].Value) && !StatementLexicon.Titles.ContainsKey(tokens[k].Value))
            {
                if (tokens[k].Is("The") && k < j) break;
                k++;
            }
            if (k <= j)
            {
                var named = NamePhrase(k, j + 1);
                if (named is not null) return named;
            }
        }
        // Descriptions: "the white paper", "a spokeswoman for the ministry", "officials".
        if (last.IsWord)
        {
            var k = j;
            while (k - 1 >= floor && j - k < MaxNominalTokens && tokens[k - 1].IsWord && !StatementLexicon.Cues.ContainsKey(tokens[k - 1].Value)
                   && tokens[k - 1].Value is not ("and" or "but" or "that" or "which" or "who" or "while" or "as" or "because" or "if" or "when"))
                k--;
            for (var start = k; start <= j; start++)
            {
                var first = tokens[start];
                if (StatementLexicon.Determiners.Contains(first.Value) || (start == j && StatementLexicon.BareSpeakers.Contains(first.Value)))
                    return Nominal(start, j + 1);
                if (StatementLexicon.BareSpeakers.Contains(last.Value) && start == j - 1 && first.IsCapitalised)
                    return Nominal(start, j + 1);
            }
        }
        return null;
    }

    /// <summary>A speaker starting at <paramref name="i"/>: pronoun, name (with titles) or description.</summary>
    public SpeakerPhrase? SpeakerForward(int i, int limit, bool allowPronoun)
    {
        if (i >= limit) return null;
        var first = tokens[i];
        if (!first.IsWord) return null;
        if (StatementLexicon.Pronouns.TryGetValue(first.Value, out var gender))
            return allowPronoun ? new SpeakerPhrase(SpeakerKind.Pronoun, i, i + 1, first.Value, null, null, null) { Gender = gender } : null;
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
            while (j < limit && j - i < MaxNominalTokens && tokens[j].IsWord && !IsCue(j)
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
        while (k < end - 1 && tokens[k].IsWord && StatementLexicon.Titles.ContainsKey(tokens[k].Value))
        {
            titles.Add(tokens[k].Value);
            k++;
            if (k < end - 1 && tokens[k].IsPunct('.')) k++;
        }
        if (k >= end) return null;
        var nameTokens = new List<Token>();
        for (var t = k; t < end; t++)
            if (tokens[t].IsWord) nameTokens.Add(tokens[t]);
        if (nameTokens.Count == 0 || nameTokens.Count > 5) return null;
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
    public (string? Role, int End) AppositiveAfter(int i, int limit)
    {
        if (i >= limit || !tokens[i].IsPunct(',') || i + 1 >= limit || !LooksLikeRole(i + 1)) return (null, i);
        var j = i + 1;
        while (j < limit && j - i <= MaxRoleTokens && !tokens[j].IsPunct(',') && !tokens[j].IsPunct(';') && tokens[j].Kind != TokenKind.QuoteMark
               && !(tokens[j].IsSentenceEnd && (j + 1 >= limit || !tokens[j + 1].IsLower)) && !IsCue(j))
            j++;
        if (j - i > MaxRoleTokens || j == i + 1) return (null, i);
        var role = CleanRole(Span(i + 1, j));
        // Include the closing comma of the appositive, so a caller can continue after it.
        var end = j < limit && tokens[j].IsPunct(',') ? j + 1 : j;
        return (role, end);
    }

    private bool LooksLikeRole(int i)
    {
        var first = tokens[i];
        if (!first.IsWord) return false;
        if (first.IsLower) return !StatementLexicon.Cues.ContainsKey(first.Value) && first.Value is not ("who" or "which" or "that" or "and" or "but" or "noting" or "adding" or "saying" or "as" or "in" or "on" or "at" or "during" or "after" or "before" or "when" or "while" or "if" or "although");
        // "Deputy Director of ...", "President of ..."
        return StatementLexicon.Titles.ContainsKey(first.Value) && i + 1 < tokens.Count && (tokens[i + 1].IsLower || tokens[i + 1].IsCapitalised);
    }

    /// <summary>Removes stray periods inside a role ("Administration. of China") and surrounding punctuation.</summary>
    public static string CleanRole(string role)
    {
        var cleaned = StrayPeriod().Replace(role, " ");
        return cleaned.Trim().TrimEnd(',', '.', ';').Trim();
    }

    public string Span(int start, int end) => start >= end ? "" : text[tokens[start].Start..tokens[end - 1].End];

    [GeneratedRegex(@"\.\s+(?=\p{Ll})")]
    private static partial Regex StrayPeriod();

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
            return previous.IsWord && (StatementLexicon.Titles.ContainsKey(previous.Value) || (previous.Value.Length == 1 && char.IsUpper(previous.Value[0])));
        }
        return false;
    }
}
