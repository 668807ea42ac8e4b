using IncidentResponse.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Serilog;

namespace IncidentResponse.Web.Tests;

/// <summary>The log file rolls and stays bounded, and the framework's own request lines never reach it.</summary>
public sealed class LoggingSetupTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ir-logs-" + Guid.NewGuid().ToString("N")[..12]);

    public LoggingSetupTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void By_default_a_file_rolls_at_50_MB_and_ten_files_are_kept()
    {
        var limits = LoggingSetup.FileLimits.From(new ConfigurationBuilder().Build());

        Assert.Equal(50L * 1024 * 1024, limits.FileSizeBytes);
        Assert.Equal(10, limits.RetainedFiles);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void The_file_rolls_by_size_and_only_the_newest_files_are_kept(string format)
    {
        var path = Path.Combine(_directory, "app.log");
        using (var logger = CreateLogger(format, path, ("Logging:FileSizeLimitBytes", "2000"), ("Logging:RetainedFiles", "3")))
        {
            for (var i = 0; i < 300; i++)
            {
                logger.Information("Line {Number} of a long run", i);
            }
        }

        var files = Directory.GetFiles(_directory, "app*.log");
        Assert.Equal(3, files.Length);
        // The line that crosses the limit is written whole, then the next file starts.
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 2000 + 200, $"{f} is {new FileInfo(f).Length} bytes"));
        var newest = File.ReadAllText(files.OrderBy(f => f, StringComparer.Ordinal).Last());
        Assert.Contains("299", newest, StringComparison.Ordinal);
        if (format == "json")
        {
            Assert.StartsWith("{\"@t\":", newest, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Logging_ConsoleMinimumLevel_keeps_the_console_to_warnings_while_the_file_keeps_everything()
    {
        var path = Path.Combine(_directory, "app.log");
        var console = new StringWriter();
        var before = Console.Out;
        Console.SetOut(TextWriter.Synchronized(console));
        try
        {
            using var logger = CreateLogger("text", path, ("Logging:ConsoleMinimumLevel", "Warning"));
            logger.Information("Quiet {Marker}", "INFO-MARKER-7c1");
            logger.Warning("Loud {Marker}", "WARN-MARKER-7c1");
        }
        finally
        {
            Console.SetOut(before);
        }

        // Other tests' hosts may write to the console meanwhile: only these two lines are looked for.
        Assert.DoesNotContain("INFO-MARKER-7c1", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("WARN-MARKER-7c1", console.ToString(), StringComparison.Ordinal);
        var file = File.ReadAllText(path);
        Assert.Contains("INFO-MARKER-7c1", file, StringComparison.Ordinal);
        Assert.Contains("WARN-MARKER-7c1", file, StringComparison.Ordinal);
    }

    [Fact]
    public void The_framework_request_lines_stay_out_even_when_an_operator_turns_Microsoft_up()
    {
        var path = Path.Combine(_directory, "app.log");
        using (var logger = CreateLogger("text", path, ("Serilog:MinimumLevel:Override:Microsoft", "Verbose"), ("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Hosting.Diagnostics", "Verbose")))
        {
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Microsoft.AspNetCore.Hosting.Diagnostics")
                .Information("Request starting HTTP/1.1 GET {Address}", "https://app.test/cases/SECRETPATH?q=SECRETQUERY");
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Microsoft.AspNetCore.Routing.EndpointMiddleware")
                .Information("Executing endpoint {Name}", "/Cases/Details");
        }

        var file = File.ReadAllText(path);
        Assert.Contains("Executing endpoint", file, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", file, StringComparison.Ordinal);
    }

    private static Serilog.Core.Logger CreateLogger(string format, string path, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Logging:Format"] = format,
            ["Logging:FilePath"] = path,
            ["Serilog:MinimumLevel:Default"] = "Information",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return LoggingSetup.Configure(new LoggerConfiguration(), configuration).CreateLogger();
    }
}
