namespace NewsMonitor.Monitoring.Storage;

/// <summary>Validates container and blob names, so both stores accept exactly the same names.</summary>
public static class BlobNames
{
    public static void ValidateContainer(string container)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        if (container.Length is < 3 or > 63 || !container.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || container[0] == '-' || container[^1] == '-' || container.Contains("--", StringComparison.Ordinal))
            throw new ArgumentException($"'{container}' is not a valid container name (3-63 lower-case letters, digits and single hyphens).", nameof(container));
    }

    public static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > 512) throw new ArgumentException("Blob names are at most 512 characters.", nameof(name));
        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
                throw new ArgumentException($"'{name}' has an empty, '.' or '..' segment.", nameof(name));
            if (!segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                throw new ArgumentException($"'{name}' may only contain letters, digits, '-', '_', '.' and '/'.", nameof(name));
        }
    }

    public static void ValidatePrefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix)) return;
        if (prefix.Contains("..", StringComparison.Ordinal) || prefix.StartsWith('/') || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/'))
            throw new ArgumentException($"'{prefix}' is not a valid blob name prefix.", nameof(prefix));
    }
}
