using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The app as the container image runs it, without Docker: the <c>dotnet publish</c> output in a folder that belongs to
/// root, started as an unprivileged user (uid 10001, the image's) who may write only to its data and temp folders, in
/// the Production environment. A whole journey, a binder print with Chromium included, works, and the app's own
/// folder is byte for byte as it was.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Trait("Category", "System")]
[RunsLong(30)]
public sealed class PublishedAppTests : IAsyncLifetime
{
    private const int ImageUserId = 10001;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ir-published-" + Guid.NewGuid().ToString("N")[..8]);

    private string AppDirectory => Path.Combine(_root, "app");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        var configuration = typeof(PublishedAppTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var publish = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "publish", Path.Combine(AppProcess.RepositoryRoot, "src", "IncidentResponse.Web", "IncidentResponse.Web.csproj"),
            "-c", configuration, "--no-build", "--nologo", "-o", AppDirectory,
        })
        {
            publish.ArgumentList.Add(argument);
        }

        using var process = Process.Start(publish)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await output}{await error}");
    }

    [Fact]
    public async Task The_published_app_runs_as_an_unprivileged_user_from_a_folder_it_cannot_change_and_prints_a_binder()
    {
        // As root (CI) the app runs as the image's user and the folder is root's; otherwise the folder is made read-only.
        var asRoot = Environment.UserName == "root";
        if (!asRoot)
        {
            SetWritable(AppDirectory, writable: false);
        }

        var before = Snapshot(AppDirectory);
        var settings = new AppProcessSettings(
            await (await PostgresServer.SharedAsync()).CreateDatabaseAsync(),
            Path.Combine(_root, "data"),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
        {
            Environment = "Production",
            AppDirectory = AppDirectory,
            RunAsUserId = asRoot ? ImageUserId : null,
            // Plain HTTP on loopback with no TLS proxy in front: cookies without the Secure flag.
            Extra = new Dictionary<string, string> { ["Security:CookiesRequireHttps"] = "false" },
        };

        await using var app = await AppProcess.StartAsync(settings);
        var uid = asRoot ? ImageUserId.ToString(CultureInfo.InvariantCulture) : File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1];
        Assert.Contains($"Uid:\t{uid}\t{uid}\t{uid}\t{uid}", await File.ReadAllTextAsync($"/proc/{app.ProcessId}/status"), StringComparison.Ordinal);

        var cookies = new CookieContainer();
        var handler = new CookieContainerHandler(cookies) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } };
        using var client = new AppClient(new HttpClient(handler) { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(3) }, cookies);

        // The stylesheet comes from the published folder's wwwroot.
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        var stylesheet = home.Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using (var css = await client.Http.GetAsync(stylesheet))
        {
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        }

        var username = await client.SignUpAsync();
        Assert.Equal(ProductionHashIterations, await StoredHashIterationsAsync(settings.PostgresConnectionString, username));
        var caseId = await client.CreateCaseAsync();
        var picture = TestImages.Png(120, 80);
        await client.AddEvidenceAsync(caseId, picture, "screenshot.png");
        await client.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        var token = await client.AntiforgeryTokenAsync($"/cases/{caseId}/binder");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__rvt"] = token,
            ["Input.Preset"] = "Police",
            ["Input.Title"] = "Evidence record",
            ["Input.Sections"] = "Exhibits",
        });
        using var binder = await BinderJobClient.FollowAsync(client.Http, await client.Http.PostAsync($"/cases/{caseId}/binder?handler=Pdf", form));
        Assert.Equal(HttpStatusCode.OK, binder.StatusCode);
        Assert.Equal("application/pdf", binder.Content.Headers.ContentType!.MediaType);
        var text = PdfTools.FlatText(await binder.Content.ReadAsByteArrayAsync());
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(picture)), text, StringComparison.Ordinal);

        Assert.False(app.HasExited, app.Output);
        Assert.Equal(before, Snapshot(AppDirectory));
        // What it wrote is in its data folder, owned by its user: the sealed evidence file.
        Assert.NotEmpty(Directory.GetFiles(settings.DataDirectory, "*", SearchOption.AllDirectories));
    }

    /// <summary>
    /// The PBKDF2 iterations the shipped app hashes a passphrase with. The in-process test apps hash with fewer
    /// (AppFixture: the same hasher, a lower cost, as the suite signs in thousands of times); this is what holds the
    /// real figure.
    /// </summary>
    private const int ProductionHashIterations = 210_000;

    /// <summary>The iteration count written in a stored ASP.NET Core Identity v3 hash: 0x01, PRF, iterations (big-endian).</summary>
    private static async Task<int> StoredHashIterationsAsync(string connectionString, string username)
    {
        await using var db = new IncidentResponse.Domain.Data.AppDbContext(
            IncidentResponse.Domain.Data.DatabaseProviders.CreateOptions(IncidentResponse.Domain.Data.DatabaseProvider.Postgres, connectionString));
        var hash = Convert.FromBase64String(db.Users.Single(u => u.UserName == username).PasswordHash!);
        Assert.Equal(0x01, hash[0]);
        return (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4));
    }

    public Task DisposeAsync()
    {
        try
        {
            SetWritable(AppDirectory, writable: true);
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp directories.
        }

        return Task.CompletedTask;
    }

    private static void SetWritable(string directory, bool writable)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Append(directory))
        {
            var mode = File.GetUnixFileMode(path);
            File.SetUnixFileMode(path, writable ? mode | UnixFileMode.UserWrite : mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        }
    }

    /// <summary>Every file under <paramref name="directory"/> with its length, last write time and owner-only write bits.</summary>
    private static string Snapshot(string directory) => string.Join('\n', Directory
        .EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(path => string.Create(
            CultureInfo.InvariantCulture,
            $"{Path.GetRelativePath(directory, path)} {(File.Exists(path) ? new FileInfo(path).Length : -1)} {File.GetLastWriteTimeUtc(path).Ticks} {File.GetUnixFileMode(path)}")));
}
