using System.Text.Json;

namespace NewsMonitor.Extraction;

/// <summary>Reads article metadata from schema.org JSON-LD blocks.</summary>
internal static class JsonLdReader
{
    private static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    internal sealed record JsonLdArticle(
        string? Headline, string? Author, string? DatePublished, string? DateModified, string? Publisher,
        string? Description, string? Image, string? Url, string? ArticleBody, string? Language);

    /// <summary>The best article-like object in the given script bodies, or null.</summary>
    public static JsonLdArticle? Read(IEnumerable<string> scripts)
    {
        JsonLdArticle? best = null;
        var bestRank = int.MaxValue;
        foreach (var script in scripts)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(script.Trim(), Lenient);
            }
            catch (JsonException)
            {
                continue; // A broken JSON-LD block is common; other signals still work.
            }
            using (document)
            {
                foreach (var node in Objects(document.RootElement, 0))
                {
                    var rank = TypeRank(node);
                    if (rank < bestRank)
                    {
                        bestRank = rank;
                        best = ToArticle(node);
                    }
                }
            }
        }
        return best;
    }

    private static IEnumerable<JsonElement> Objects(JsonElement element, int depth)
    {
        if (depth > 8) yield break;
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                foreach (var inner in Objects(item, depth + 1)) yield return inner;
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            if (element.TryGetProperty("@graph", out var graph))
                foreach (var inner in Objects(graph, depth + 1)) yield return inner;
            if (element.TryGetProperty("mainEntity", out var main))
                foreach (var inner in Objects(main, depth + 1)) yield return inner;
        }
    }

    private static int TypeRank(JsonElement node)
    {
        foreach (var type in Types(node))
        {
            if (type is "NewsArticle" or "ReportageNewsArticle" or "AnalysisNewsArticle" or "OpinionNewsArticle") return 0;
            if (type.EndsWith("Article", StringComparison.Ordinal) || type is "BlogPosting" or "Report" or "LiveBlogPosting") return 1;
            if (type is "WebPage" or "ItemPage") return 3;
        }
        return int.MaxValue;
    }

    private static IEnumerable<string> Types(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type)) yield break;
        if (type.ValueKind == JsonValueKind.String) yield return type.GetString()!;
        else if (type.ValueKind == JsonValueKind.Array)
            foreach (var t in type.EnumerateArray())
                if (t.ValueKind == JsonValueKind.String) yield return t.GetString()!;
    }

    private static JsonLdArticle ToArticle(JsonElement node) => new(
        Headline: Text(node, "headline") ?? Text(node, "name"),
        Author: Names(node, "author") ?? Names(node, "creator"),
        DatePublished: Text(node, "datePublished") ?? Text(node, "dateCreated"),
        DateModified: Text(node, "dateModified"),
        Publisher: Names(node, "publisher"),
        Description: Text(node, "description"),
        Image: Url(node, "image") ?? Url(node, "thumbnailUrl"),
        Url: Text(node, "url") ?? Url(node, "mainEntityOfPage"),
        ArticleBody: Text(node, "articleBody"),
        Language: Text(node, "inLanguage"));

    private static string? Text(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? Normalise(value.GetString())
            : null;

    private static string? Url(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => Normalise(value.GetString()),
            JsonValueKind.Object => Text(value, "url") ?? Text(value, "@id"),
            JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? Normalise(v.GetString()) : v.ValueKind == JsonValueKind.Object ? Text(v, "url") : null).FirstOrDefault(v => v is not null),
            _ => null,
        };
    }

    private static string? Names(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value)) return null;
        var names = new List<string>();
        void Add(JsonElement item)
        {
            var name = item.ValueKind switch
            {
                JsonValueKind.String => Normalise(item.GetString()),
                JsonValueKind.Object => Text(item, "name"),
                _ => null,
            };
            if (name is not null && !names.Contains(name, StringComparer.OrdinalIgnoreCase)) names.Add(name);
        }
        if (value.ValueKind == JsonValueKind.Array)
            foreach (var item in value.EnumerateArray()) Add(item);
        else
            Add(value);
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static string? Normalise(string? value)
    {
        if (value is null) return null;
        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
