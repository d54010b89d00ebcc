namespace NewsMonitor.Extraction;

public sealed record StatementExtractorOptions
{
    /// <summary>Statements below this confidence are left out. 0 keeps everything.</summary>
    public double MinimumConfidence { get; init; }
}
