using System.Text.RegularExpressions;

namespace NewsMonitor.Extraction.Statements;

/// <summary>Someone the article quotes or names, tracked so later mentions ("Ms Cao", "she") resolve to them.</summary>
internal sealed class SpeakerEntity(string? name, SpeakerKind kind)
{
    public string? Name { get; } = name;
    public SpeakerKind Kind { get; } = kind;
    public string[] NameTokens { get; } = name?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
    public Gender Gender { get; set; }
    public string? Role { get; set; }
    public string? Organization { get; set; }
    public string? Description { get; set; }
    public int LastStatementParagraph { get; set; } = -1;
    public int LastStatementOffset { get; set; } = -1;
    public int LastMentionParagraph { get; set; } = -1;
    public bool IsSpeaker => LastStatementOffset >= 0;
}

/// <summary>A speaker mention resolved against the article's entities, with how sure the resolution is.</summary>
/// <param name="Speaker">Null for statements without a speaker in the text ("Asked whether …").</param>
internal sealed record ResolvedSpeaker(Speaker? Speaker, double Certainty, SpeakerEntity? Entity)
{
    public static ResolvedSpeaker None { get; } = new(null, 0.5, null);
}

/// <summary>
/// Resolves speaker mentions within one article: full names create people, short names and titles
/// ("Ms Cao", "Cao") find them again, pronouns go to the most recent compatible speaker, using gender
/// where the text gives it. Where that cannot be decided the name stays null rather than guessed.
/// </summary>
internal sealed partial class SpeakerResolver
{
    private const int PronounWindowParagraphs = 3;
    private readonly List<SpeakerEntity> _entities = [];
    private readonly List<string> _organisations = [];

    /// <summary>Notes a person named in the text without a statement ("President Xi Jinping"), so pronouns can consider them.</summary>
    public void Observe(SpeakerPhrase phrase, int paragraph)
    {
        if (phrase.Kind != SpeakerKind.Name || phrase.Name is null) return;
        var entity = FindByName(phrase.Name) ?? Add(new SpeakerEntity(phrase.Name, SpeakerKind.Name) { Gender = phrase.Gender });
        entity.LastMentionParagraph = paragraph;
        Enrich(entity, phrase);
    }

    public ResolvedSpeaker Resolve(SpeakerPhrase phrase, int paragraph, int offset)
    {
        var resolved = phrase.Kind switch
        {
            SpeakerKind.Name => ResolveName(phrase),
            SpeakerKind.Pronoun => ResolvePronoun(phrase, paragraph),
            _ => ResolveNominal(phrase),
        };
        if (resolved.Entity is { } entity)
        {
            entity.LastStatementParagraph = paragraph;
            entity.LastStatementOffset = offset;
            entity.LastMentionParagraph = paragraph;
        }
        return resolved;
    }

    private ResolvedSpeaker ResolveName(SpeakerPhrase phrase)
    {
        var name = phrase.Name!;
        var entity = FindByName(name);
        var certainty = 1.0;
        if (entity is null)
        {
            entity = Add(new SpeakerEntity(name, SpeakerKind.Name) { Gender = phrase.Gender });
        }
        else if (!string.Equals(entity.Name, name, StringComparison.Ordinal))
        {
            certainty = 0.9; // a short reference resolved to a full name
        }
        if (phrase.Gender is Gender.Male or Gender.Female && entity.Gender == Gender.Unknown) entity.Gender = phrase.Gender;
        Enrich(entity, phrase);
        var speaker = ToSpeaker(entity, phrase.Mention);
        // A role written at this mention is the one this statement was made in ("X, now chairman of …").
        if (phrase.Role is { } own && !string.Equals(own, entity.Role, StringComparison.Ordinal))
            speaker = speaker with { Role = own, Organization = OrganisationIn(own) ?? entity.Organization };
        return new ResolvedSpeaker(speaker, certainty, entity);
    }

    private ResolvedSpeaker ResolvePronoun(SpeakerPhrase phrase, int paragraph)
    {
        var gender = phrase.Gender;
        var recent = _entities
            .Where(e => e.IsSpeaker && paragraph - e.LastStatementParagraph <= PronounWindowParagraphs)
            .OrderByDescending(e => e.LastStatementOffset)
            .ToList();

        if (gender is Gender.Male or Gender.Female)
        {
            var last = recent.FirstOrDefault(e => e.Kind != SpeakerKind.Nominal || e.Gender != Gender.Plural);
            if (last is not null && (last.Gender == gender || (last.Gender == Gender.Unknown && last.Kind != SpeakerKind.Nominal) || (last.Kind == SpeakerKind.Nominal && last.Gender == gender)))
            {
                if (last.Gender == Gender.Unknown) last.Gender = gender; // "she added" tells us who Ms Cao is
                var near = paragraph - last.LastStatementParagraph <= 1;
                return new ResolvedSpeaker(ToSpeaker(last, phrase.Mention), near ? 0.9 : 0.75, last);
            }
            // The most recent speaker does not fit: another recent speaker known to be of this gender may.
            var other = recent.Skip(1).FirstOrDefault(e => e.Gender == gender);
            if (other is not null) return new ResolvedSpeaker(ToSpeaker(other, phrase.Mention), 0.6, other);
            var named = _entities
                .Where(e => !e.IsSpeaker && e.Gender == gender && paragraph - e.LastMentionParagraph <= 1)
                .LastOrDefault();
            if (named is not null) return new ResolvedSpeaker(ToSpeaker(named, phrase.Mention), 0.55, named);
            return Unresolved(phrase);
        }
        if (gender == Gender.Plural)
        {
            var group = recent.FirstOrDefault(e => e.Gender == Gender.Plural || (e.Kind == SpeakerKind.Nominal && e.Gender == Gender.Unknown));
            return group is null ? Unresolved(phrase) : new ResolvedSpeaker(ToSpeaker(group, phrase.Mention), 0.6, group);
        }
        if (gender == Gender.Neuter)
        {
            var thing = recent.FirstOrDefault(e => e.Gender == Gender.Neuter || (e.Kind == SpeakerKind.Nominal && e.Gender == Gender.Unknown));
            return thing is null ? Unresolved(phrase) : new ResolvedSpeaker(ToSpeaker(thing, phrase.Mention), 0.6, thing);
        }
        return Unresolved(phrase);
    }

    private static ResolvedSpeaker Unresolved(SpeakerPhrase phrase) =>
        new(new Speaker(null, phrase.Mention, null, null), 0.35, null);

    private ResolvedSpeaker ResolveNominal(SpeakerPhrase phrase)
    {
        var description = StripDeterminer(phrase.Mention);
        var entity = _entities.LastOrDefault(e => e.Kind == SpeakerKind.Nominal && string.Equals(e.Description, description, StringComparison.OrdinalIgnoreCase))
            ?? Add(new SpeakerEntity(null, SpeakerKind.Nominal)
            {
                Description = description,
                Gender = phrase.Gender == Gender.Unknown && !LooksHuman(description) ? Gender.Neuter : phrase.Gender,
                Role = LooksHuman(description) ? description : null,
                Organization = OrganisationIn(description),
            });
        return new ResolvedSpeaker(ToSpeaker(entity, phrase.Mention), 0.85, entity);
    }

    private static bool LooksHuman(string description)
    {
        foreach (var word in description.Split(' '))
            if (StatementLexicon.GenderedNouns.ContainsKey(word) || HumanNouns.Contains(word.ToLowerInvariant())) return true;
        return false;
    }

    private static readonly HashSet<string> HumanNouns =
    [
        "spokesperson", "official", "minister", "director", "head", "chief", "president", "analyst", "economist", "expert",
        "lawyer", "professor", "researcher", "source", "resident", "witness", "executive", "leader", "secretary", "diplomat",
        "officer", "adviser", "advisor", "aide", "member", "candidate", "senator", "governor", "mayor", "chairman", "ceo",
    ];

    private SpeakerEntity? FindByName(string name)
    {
        for (var i = _entities.Count - 1; i >= 0; i--)
            if (_entities[i].Kind == SpeakerKind.Name && string.Equals(_entities[i].Name, name, StringComparison.OrdinalIgnoreCase))
                return _entities[i];
        var tokens = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 1)
        {
            // "Cao" or "Ms Cao" after "Cao Shumin": family names come first in some languages and last in others.
            for (var i = _entities.Count - 1; i >= 0; i--)
            {
                var entity = _entities[i];
                if (entity.Kind == SpeakerKind.Name && entity.NameTokens.Length > 1
                    && (string.Equals(entity.NameTokens[0], tokens[0], StringComparison.OrdinalIgnoreCase)
                        || string.Equals(entity.NameTokens[^1], tokens[0], StringComparison.OrdinalIgnoreCase)))
                    return entity;
            }
        }
        return null;
    }

    private SpeakerEntity Add(SpeakerEntity entity)
    {
        _entities.Add(entity);
        return entity;
    }

    private void Enrich(SpeakerEntity entity, SpeakerPhrase phrase)
    {
        if (entity.Role is null)
        {
            if (phrase.Role is { } role)
            {
                entity.Role = role;
                foreach (var noun in role.Split(' '))
                    if (StatementLexicon.GenderedNouns.TryGetValue(noun, out var g) && entity.Gender == Gender.Unknown) entity.Gender = g;
            }
            else if (phrase.Title is { } title && !IsHonorific(title))
            {
                entity.Role = title;
            }
        }
        if (entity.Organization is null && entity.Role is not null) entity.Organization = OrganisationIn(entity.Role);
        if (entity.Name is not null && StatementLexicon.OrganisationWords.Contains(entity.NameTokens[^1]))
        {
            entity.Gender = Gender.Neuter;
            if (!_organisations.Contains(entity.Name)) _organisations.Add(entity.Name);
        }
    }

    private static bool IsHonorific(string title)
    {
        foreach (var word in title.Split(' '))
            if (word.TrimEnd('.') is not ("Mr" or "Mrs" or "Ms" or "Miss" or "Dr" or "Sir" or "Dame" or "Madam" or "Prof")) return false;
        return true;
    }

    /// <summary>The organisation a role names: "of the Cyberspace Administration of China", or "the administration’s" for one named before.</summary>
    private string? OrganisationIn(string role)
    {
        // "Color of Change's executive director": the organisation owns the role.
        if (LeadingPossessiveOrganisation().Match(role) is { Success: true } owner)
        {
            var org = owner.Groups["org"].Value;
            if (!_organisations.Contains(org)) _organisations.Add(org);
            return org;
        }
        var named = NamedOrganisation().Matches(role)
            .Select(m => TrimPossessive(m.Groups["org"].Value.Trim()))
            .Where(o => o.Length > 1)
            .OrderByDescending(o => o.Length)
            .FirstOrDefault();
        if (named is not null)
        {
            if (!_organisations.Contains(named)) _organisations.Add(named);
            return named;
        }
        var possessive = Possessive().Match(role);
        if (possessive.Success)
        {
            var head = possessive.Groups["head"].Value;
            for (var i = _organisations.Count - 1; i >= 0; i--)
                if (_organisations[i].Split(' ').Any(w => string.Equals(w, head, StringComparison.OrdinalIgnoreCase)))
                    return _organisations[i];
        }
        var leading = LeadingOrganisation().Match(role);
        return leading.Success ? leading.Groups["org"].Value : null;
    }

    private static Speaker ToSpeaker(SpeakerEntity entity, string mention) =>
        new(entity.Name, mention, entity.Role, entity.Organization);

    private static string StripDeterminer(string mention)
    {
        var space = mention.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && StatementLexicon.Determiners.Contains(mention[..space]) ? mention[(space + 1)..] : mention;
    }

    [GeneratedRegex(@"\b(?:of|at|for|with|from|to)\s+(?:the\s+)?(?<org>\p{Lu}[\p{L}\p{N}’'&.-]*(?:\s+(?:(?:of|for|and|on|de|du|des|der|the)\s+)*\p{Lu}[\p{L}\p{N}’'&.-]*)*)")]
    private static partial Regex NamedOrganisation();

    private static string TrimPossessive(string name) =>
        name.EndsWith("'s", StringComparison.Ordinal) || name.EndsWith("’s", StringComparison.Ordinal) ? name[..^2] : name;

    [GeneratedRegex(@"^(?<org>\p{Lu}[\p{L}\p{N}&.-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*\p{Lu}[\p{L}\p{N}&.-]*)*)[’']s\s+\p{Ll}")]
    private static partial Regex LeadingPossessiveOrganisation();

    [GeneratedRegex(@"\bthe\s+(?<head>\p{L}+)[’']s\b", RegexOptions.IgnoreCase)]
    private static partial Regex Possessive();

    [GeneratedRegex(@"^(?<org>\p{Lu}[\p{L}’'&.-]*(?:\s+\p{Lu}[\p{L}’'&.-]*)*)\s+\p{Ll}")]
    private static partial Regex LeadingOrganisation();
}
