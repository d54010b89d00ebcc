using System.Security.Cryptography;
using System.Text;

namespace NewsMonitor.Monitoring;

/// <summary>Normalises article URLs and derives the keys that name their blobs.</summary>
public static class UrlKeys
{
    // Parameters that track the click, not the page: two URLs differing only in these are one article.
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src", "cmpid", "ocid", "ncid",
        "sr_share", "smid", "taid", "cid", "yclid", "twclid", "_ga", "_gl", "spm", "share", "amp",
    };

    /// <summary>Lower-case scheme and host, no default port, no fragment, no tracking parameters.</summary>
    public static Uri Normalise(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri) throw new ArgumentException("An absolute URL is required.", nameof(url));
        var builder = new UriBuilder(url)
        {
            Scheme = url.Scheme.ToLowerInvariant(),
            Host = url.IdnHost.ToLowerInvariant(),
            Fragment = "",
            UserName = "",
            Password = "",
        };
        if (url.IsDefaultPort) builder.Port = -1;
        var query = url.Query.TrimStart('?');
        if (query.Length > 0)
        {
            var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(pair =>
                {
                    var name = Uri.UnescapeDataString(pair.Split('=', 2)[0]);
                    return !name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) && !TrackingParameters.Contains(name);
                })
                .ToArray();
            builder.Query = kept.Length == 0 ? "" : string.Join('&', kept);
        }
        return builder.Uri;
    }

    /// <summary>32 hex characters of SHA-256 over the normalised URL: the name of everything stored for it.</summary>
    public static string KeyOf(Uri url) => Hash(Normalise(url).AbsoluteUri);

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];

    public static bool TryParseHttpUrl(string? value, out Uri url)
    {
        url = null!;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 2048) return false;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var parsed)) return false;
        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps) return false;
        if (!string.IsNullOrEmpty(parsed.UserInfo)) return false;
        url = parsed;
        return true;
    }
}
