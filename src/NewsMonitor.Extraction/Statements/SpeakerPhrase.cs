namespace NewsMonitor.Extraction.Statements;

internal enum SpeakerKind { Name, Pronoun, Nominal }

/// <summary>The words naming a speaker at one statement, as the text gives them, before resolution.</summary>
/// <param name="Start">Index of the first token of the mention.</param>
/// <param name="End">Index just past the last token of the mention.</param>
/// <param name="Name">For names: the name without titles ("Cao Shumin" for "Ms Cao Shumin").</param>
/// <param name="Title">A title before the name ("President", "Ms").</param>
/// <param name="Role">An appositive role next to the mention ("deputy director of ...").</param>
internal sealed record SpeakerPhrase(SpeakerKind Kind, int Start, int End, string Mention, string? Name, string? Title, string? Role)
{
    public Gender Gender { get; init; }
}

/// <summary>A speaker and the reporting verb that attributes a statement to them.</summary>
/// <param name="CueIndex">Token index of the reporting verb.</param>
/// <param name="End">Token index just past the attribution (cue, speaker and appositive).</param>
internal sealed record Attribution(SpeakerPhrase Speaker, int CueIndex, string Cue, int End);
