using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace IncidentResponse.Web.Pages.Cases.Export;

/// <summary>
/// The ZIP being written for one export: its entries, each dated the moment of the export, with what goes in
/// <c>manifest.sha256</c> and <c>problems.txt</c> gathered on the way and written last.
/// </summary>
internal sealed class ExportZip(ZipArchive archive, DateTime exportedUtc)
{
    /// <summary>Each file's name and SHA-256, in the order the manifest lists them.</summary>
    public List<(string Name, byte[] Hash)> Manifest { get; } = [];

    /// <summary>What could not be included exactly as received, one sentence each.</summary>
    public List<string> Problems { get; } = [];

    public ZipArchiveEntry CreateEntry(string name, CompressionLevel level)
    {
        var entry = archive.CreateEntry(name, level);
        entry.LastWriteTime = exportedUtc;
        return entry;
    }

    public async Task WriteTextAsync(string name, string text, CancellationToken cancellationToken)
    {
        var entry = CreateEntry(name, CompressionLevel.Optimal);
        await using var entryStream = await entry.OpenAsync(cancellationToken);
        await entryStream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
    }

    /// <summary>Writes <paramref name="value"/> as indented JSON and returns the entry's SHA-256.</summary>
    public async Task<byte[]> WriteJsonAsync<T>(string name, T value, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var entry = CreateEntry(name, CompressionLevel.Optimal);
        await using var entryStream = await entry.OpenAsync(cancellationToken);
        using var hashing = new HashingWriteStream(entryStream);
        await JsonSerializer.SerializeAsync(hashing, value, options, cancellationToken);
        await hashing.FlushAsync(cancellationToken);
        return hashing.Hash();
    }

    /// <summary><c>problems.txt</c> when anything was left out, then the manifest in the format <c>sha256sum -c</c> reads.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (Problems.Count > 0)
        {
            var text = "Some files could not be included exactly as they were received.\n\n" + string.Join("\n", Problems) + "\n";
            await WriteTextAsync(CaseExporter.ProblemsName, text, cancellationToken);
        }

        // The format `sha256sum -c` reads: 64 hex digits, two spaces, the name; one line each, "\n" endings.
        var lines = string.Concat(Manifest.Select(m => $"{Convert.ToHexStringLower(m.Hash)}  {m.Name}\n"));
        await WriteTextAsync(CaseExporter.ManifestName, lines, cancellationToken);
    }
}
