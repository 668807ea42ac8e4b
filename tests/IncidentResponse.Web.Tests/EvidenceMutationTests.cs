using System.Net;
using System.Security.Cryptography;
using System.Text;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The bad-file corpus grown by machine: valid PNG, JPEG and PDF samples cut short, with bytes flipped, with a name
/// that does not match their contents, empty or header-only, sent through the real upload. Each is either kept
/// bit-exact or refused with a kind message that leaves nothing behind (no row, no file, no partial file).
/// </summary>
public abstract class EvidenceMutationTests<TApp>(TApp app, ITestOutputHelper output) : IClassFixture<TApp>
    where TApp : AppFixture
{
    /// <summary>Fixed, so a failure can be replayed: it is printed in every failure message.</summary>
    public const int Seed = 20261122;

    public const int MutationCount = 60;

    private string EvidenceDirectory => Path.Combine(app.DataDirectory, "evidence");

    [Fact]
    public async Task Generated_mutations_of_valid_files_are_kept_bit_exact_or_refused_kindly_leaving_nothing()
    {
        var random = new Random(Seed);
        var samples = new (string Kind, byte[] Bytes, string Name)[]
        {
            ("png", TestImages.Png(16, 16, ("tEXt", [.. "Comment\0"u8, .. Encoding.ASCII.GetBytes("sample png")])), "screenshot.png"),
            ("jpeg", TestImages.Jpeg(16, 8, TestImages.JpegSegment(0xFE, Encoding.ASCII.GetBytes("sample jpeg"))), "photo.jpg"),
            ("pdf", TestFiles.Pdf(Encoding.ASCII.GetBytes("BT /F1 12 Tf 20 100 Td (sample pdf) Tj ET")), "messages.pdf"),
        };
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var outcomes = new SortedDictionary<string, (int Kept, int Refused)>(StringComparer.Ordinal);

        for (var i = 0; i < MutationCount; i++)
        {
            var (kind, bytes, name) = samples[i % samples.Length];
            var (mutation, file, fileName) = Mutate(random, bytes, name);
            var label = $"{kind} {mutation} #{i} ({file.Length} bytes as {fileName}, seed {Seed})";
            var rowsBefore = await EvidenceRowsAsync(caseId);
            var filesBefore = EvidenceFiles();

            var result = await client.UploadEvidenceAsync(caseId, file, fileName);

            Assert.True((int)result.Status < 500, $"{(int)result.Status} for {label}");
            var tally = outcomes.GetValueOrDefault($"{kind} {mutation}");
            if (result.Status == HttpStatusCode.Redirect)
            {
                var evidenceId = Guid.Parse(result.Location!.OriginalString.Split('/')[^1]);
                using var download = await client.DownloadEvidenceAsync(caseId, evidenceId);
                var back = await download.Content.ReadAsByteArrayAsync();
                Assert.True(file.AsSpan().SequenceEqual(back), $"The download differs from the upload for {label}");
                var details = await client.GetAsync($"/cases/{caseId}/evidence/{evidenceId}");
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file)), details.Document.QuerySelector("#sha256")?.TextContent);
                Assert.Equal(rowsBefore + 1, await EvidenceRowsAsync(caseId));
                outcomes[$"{kind} {mutation}"] = (tally.Kept + 1, tally.Refused);
            }
            else
            {
                Assert.True(result.Status is HttpStatusCode.OK or HttpStatusCode.RequestEntityTooLarge, $"{(int)result.Status} for {label}");
                var message = result.FieldError("Input.File");
                Assert.True(message.Length > 0, $"No message next to the file for {label}: {result.MainText.Trim()[..Math.Min(200, result.MainText.Trim().Length)]}");
                Assert.DoesNotContain("Exception", result.Html, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", result.Html, StringComparison.Ordinal);
                Assert.Equal(rowsBefore, await EvidenceRowsAsync(caseId));
                Assert.True(filesBefore.SetEquals(EvidenceFiles()), $"A file was left behind for {label}: {string.Join(", ", EvidenceFiles().Except(filesBefore))}");
                outcomes[$"{kind} {mutation}"] = (tally.Kept, tally.Refused + 1);
            }
        }

        foreach (var (what, (kept, refused)) in outcomes)
        {
            output.WriteLine($"{what}: {kept} kept, {refused} refused");
        }

        output.WriteLine($"Seed {Seed}: {MutationCount} mutations, {outcomes.Values.Sum(o => o.Kept)} kept, {outcomes.Values.Sum(o => o.Refused)} refused.");
        Assert.True(outcomes.Values.Sum(o => o.Refused) >= 10, "Too few mutations were refused for the test to prove anything.");
        Assert.Empty(Directory.Exists(EvidenceDirectory) ? Directory.EnumerateFiles(EvidenceDirectory, "*.partial", SearchOption.AllDirectories) : []);
        using var health = app.CreateAppClient();
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync("/health/ready")).Status);
    }

    /// <summary>One mutation of a valid sample: its name, the bytes, and the file name it is sent under.</summary>
    private static (string Mutation, byte[] File, string FileName) Mutate(Random random, byte[] sample, string name)
    {
        var bytes = (byte[])sample.Clone();
        switch (random.Next(7))
        {
            case 0:
                return ("truncated", bytes[..random.Next(1, bytes.Length - 1)], name);
            case 1:
                for (var flips = random.Next(1, 9); flips > 0; flips--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return ("bytes flipped", bytes, name);
            case 2:
                var other = new[] { ".png", ".jpg", ".pdf", ".mp4", ".html", ".exe", "" }[random.Next(7)];
                return ("wrong extension", bytes, Path.GetFileNameWithoutExtension(name) + other);
            case 3:
                return ("zero length", [], name);
            case 4:
                return ("header only", bytes[..Math.Min(bytes.Length, random.Next(4, 24))], name);
            case 5:
                var start = random.Next(bytes.Length);
                var garbage = new byte[random.Next(1, 64)];
                random.NextBytes(garbage);
                return ("garbage inserted", [.. bytes[..start], .. garbage, .. bytes[start..]], name);
            default:
                var cut = random.Next(1, bytes.Length);
                return ("tail repeated", [.. bytes, .. bytes[cut..]], name);
        }
    }

    private async Task<int> EvidenceRowsAsync(Guid caseId)
    {
        await using var db = app.CreateDbContext();
        return await db.EvidenceItems.CountAsync(e => e.CaseId == caseId);
    }

    private HashSet<string> EvidenceFiles() =>
        Directory.Exists(EvidenceDirectory)
            ? Directory.EnumerateFiles(EvidenceDirectory, "*", SearchOption.AllDirectories).ToHashSet(StringComparer.Ordinal)
            : [];
}

public sealed class EvidenceMutationTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : EvidenceMutationTests<SqliteApp>(app, output);

public sealed class EvidenceMutationTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : EvidenceMutationTests<PostgresApp>(app, output);
