namespace NewsMonitor.Extraction;

/// <summary>Parses the dates pages and feeds publish: ISO 8601, RFC 1123 and common variants; null when unparseable.</summary>
public static class MetadataDates
{
    public static DateTimeOffset? Parse(string? value) => MetadataReader.ParseDateValue(value);
}
