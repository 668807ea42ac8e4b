namespace IncidentResponse.Documents.Pdf;

public sealed record ChromiumPdfPrinterOptions
{
    public const string DebianChromiumPath = "/usr/bin/chromium";

    public string ExecutablePath { get; init; } = DebianChromiumPath;

    /// <summary>How many documents print at once; each one holds a browser page and its pictures in memory.</summary>
    public int MaxConcurrentRenders { get; init; } = 2;

    /// <summary>
    /// How many of one document's pictures are read and handed to the browser at once. The browser asks for all of
    /// them together; answering a few at a time keeps only a few pictures in memory, whatever the number of exhibits.
    /// </summary>
    public int MaxConcurrentResources { get; init; } = 2;

    /// <summary>
    /// How many exhibits with a picture one part of a long binder holds: a binder with more is printed in parts of this
    /// many and joined (ADR 0025), so Chromium's memory follows the part, not the case.
    /// </summary>
    public int PicturesPerPart { get; init; } = 20;

    /// <summary>Where a binder printed in parts is joined, sealed (null: the system's temporary directory).</summary>
    public string? ScratchDirectory { get; init; }

    /// <summary>The longest one document may take to load and print.</summary>
    public TimeSpan RenderTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
