using System.IO.Compression;
using System.Text.Json;
using NewsMonitor.Extraction;

namespace NewsMonitor.Benchmarks;

/// <summary>One annotated page of an extraction corpus (trafilatura's evaluation format).</summary>
internal sealed record CorpusPage(string Id, string Url, byte[] Bytes, string Html, string[] With, string[] Without);

internal static class ExtractionCorpus
{
    /// <summary>Loads evaldata.json and the gzipped pages, decoding each page's charset once.</summary>
    public static List<CorpusPage> Load(string folder, int limit = int.MaxValue)
    {
        using var evaldata = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "evaldata.json")));
        var pages = new List<CorpusPage>();
        foreach (var entry in evaldata.RootElement.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (pages.Count >= limit) break;
            var file = entry.Value.GetProperty("file").GetString()!;
            var path = Path.Combine(folder, "html", file + ".gz");
            if (!File.Exists(path)) continue;
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gzip.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var id = file.EndsWith(".html", StringComparison.Ordinal) ? file[..^5] : file;
            pages.Add(new CorpusPage(id, entry.Name, bytes, PageDecoder.Decode(bytes).Text,
                entry.Value.GetProperty("with").EnumerateArray().Select(s => s.GetString()!).ToArray(),
                entry.Value.GetProperty("without").EnumerateArray().Select(s => s.GetString()!).ToArray()));
        }
        return pages;
    }

    /// <summary>The scorer's rule: whitespace-normalised, case-sensitive substring matching, summed over the corpus.</summary>
    public static (double Precision, double Recall, double F1, List<(string Id, string Kind, string Snippet)> Misses) Score(
        IReadOnlyList<CorpusPage> pages, IReadOnlyDictionary<string, string> predictions)
    {
        int tp = 0, fp = 0, fn = 0;
        var misses = new List<(string, string, string)>();
        foreach (var page in pages)
        {
            var text = Normalise(predictions.GetValueOrDefault(page.Id) ?? "");
            foreach (var with in page.With)
            {
                if (text.Contains(Normalise(with), StringComparison.Ordinal)) tp++;
                else { fn++; misses.Add((page.Id, "missing", with)); }
            }
            foreach (var without in page.Without)
            {
                if (text.Contains(Normalise(without), StringComparison.Ordinal)) { fp++; misses.Add((page.Id, "leaked", without)); }
            }
        }
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = 2.0 * tp / (2.0 * tp + fp + fn);
        return (precision, recall, f1, misses);
    }

    public static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
