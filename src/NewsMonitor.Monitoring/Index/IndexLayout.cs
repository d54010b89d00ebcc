using System.Globalization;

namespace NewsMonitor.Monitoring.Index;

/// <summary>
/// The statement index, in its own container, laid out so the queries NewsMonitor answers read few blobs.
/// </summary>
/// <remarks>
/// <code>
/// statements/{id}.json                 a statement once, with every source that reported it
/// speakers/{speakerKey}.json           a speaker: names, roles and organisations seen, recent statements
/// by-speaker/{speakerKey}/{seq}-{id}   empty marker: the speaker's statements, newest first
/// by-host/{host}/{seq}-{id}            empty marker: statements an outlet reported, newest first
/// by-day/{yyyy-MM-dd}/{seq}-{id}.json  the statement's summary, under the day it was first seen
/// days/{yyyy-MM-dd}                    empty marker: the day has statements
/// digests/{yyyy-MM-dd}.json            a day's summaries in one blob, up to a cutoff (see StatementIndex.CompactAsync)
/// </code>
/// <c>seq</c> is the first-seen time inverted (19 digits), so ordinal listing order is newest first, and
/// the name <c>{seq}-{id}</c> is also the position a continuation token resumes after.
/// </remarks>
public static class IndexLayout
{
    public const string Container = "index";

    public static string StatementName(string id) => $"statements/{id}.json";
    public static string SpeakerName(string speakerKey) => $"speakers/{speakerKey}.json";
    public const string SpeakersPrefix = "speakers/";
    public static string BySpeakerPrefix(string speakerKey) => $"by-speaker/{speakerKey}/";
    public const string BySpeakerRoot = "by-speaker/";
    public static string ByHostPrefix(string host) => $"by-host/{host}/";
    public static string ByDayPrefix(string day) => $"by-day/{day}/";
    public const string DaysPrefix = "days/";
    public static string DayName(string day) => $"days/{day}";
    public static string DigestName(string day) => $"digests/{day}.json";

    public static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"{seq}-{id}": newest first in ordinal order.</summary>
    public static string Position(DateTimeOffset firstSeen, string id) =>
        (DateTime.MaxValue.Ticks - firstSeen.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + id;

    /// <summary>Reads "{seq}-{id}" (the last segment of a marker or summary name, extension dropped).</summary>
    public static bool TryParsePosition(string nameOrPosition, out string position, out DateTimeOffset firstSeen, out string id)
    {
        ArgumentNullException.ThrowIfNull(nameOrPosition);
        position = nameOrPosition[(nameOrPosition.LastIndexOf('/') + 1)..];
        if (position.EndsWith(".json", StringComparison.Ordinal)) position = position[..^5];
        firstSeen = default;
        id = "";
        if (position.Length != 19 + 1 + 32 || position[19] != '-' || !long.TryParse(position.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var inverted)) return false;
        var ticks = DateTime.MaxValue.Ticks - inverted;
        if (ticks < DateTime.MinValue.Ticks) return false;
        id = position[20..];
        if (!Storage.StatementIds.IsValid(id)) return false;
        firstSeen = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    /// <summary>The host as indexed: lower case, punycode, without "www.".</summary>
    public static string HostKey(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.IdnHost.ToLowerInvariant().TrimEnd('.');
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    /// <summary>A host as a user types it ("www.Example.com", "example.com/") in the indexed form, or null when it is not a host name.</summary>
    public static string? HostKey(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var trimmed = host.Trim().TrimEnd('/');
        if (!Uri.TryCreate(trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "https://" + trimmed, UriKind.Absolute, out var url) || url.PathAndQuery != "/") return null;
        return HostKey(url);
    }
}
