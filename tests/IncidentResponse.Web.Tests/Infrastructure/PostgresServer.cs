using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL cluster started from the machine's binaries in a temporary directory, once per test run, and
/// stopped when the run ends. Each app under test gets a database of its own.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static PostgresServer? _shared;

    private readonly string _directory;
    private readonly string _binaries;
    private readonly int _port;

    private PostgresServer(string directory, string binaries, int port)
    {
        _directory = directory;
        _binaries = binaries;
        _port = port;
    }

    public string AdminConnectionString =>
        $"Host={_directory};Port={_port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=postgres;Pooling=false";

    public static async Task<PostgresServer> SharedAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            if (_shared is null)
            {
                _shared = await StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared.Stop();
            }

            return _shared;
        }
        finally
        {
            StartLock.Release();
        }
    }

    /// <summary>
    /// A cluster of its own, for tests that stop and start the database (other test classes keep the shared one).
    /// Dispose it to stop it.
    /// </summary>
    public static async Task<PostgresServer> StartDedicatedAsync()
    {
        var server = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "ir_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return $"Host={_directory};Port={_port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={name}";
    }

    /// <summary>Stops the server (fast, as a crash would) — for fault tests; <see cref="Start"/> brings it back.</summary>
    public void Stop() => PgCtl($"-D {Data} -m immediate -w stop", throwOnFailure: false);

    /// <summary>
    /// Stops the server as an administrator or a failover would: every connection is cut, but what was committed is
    /// kept (the test servers commit asynchronously, so <see cref="Stop"/> may lose the last commits).
    /// </summary>
    public void StopFast() => PgCtl($"-D {Data} -m fast -w stop", throwOnFailure: true);

    public void Start() => PgCtl(
        $"-D {Data} -l {Path.Combine(_directory, "log")} -w -o \"-p {_port} -k {_directory} -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=300\" start",
        throwOnFailure: true);

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private string Data => Path.Combine(_directory, "data");

    private static async Task<PostgresServer> StartAsync()
    {
        var binaries = Environment.GetEnvironmentVariable("POSTGRES_BIN") is { Length: > 0 } configured ? configured : "/usr/lib/postgresql/15/bin";
        if (!File.Exists(Path.Combine(binaries, "initdb")) || !File.Exists(Path.Combine(binaries, "pg_ctl")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL server binaries were not found in {binaries}. Install them with 'apt-get install postgresql' "
                + "(or run ./build.sh test, which does), or point POSTGRES_BIN at the folder holding initdb and pg_ctl.");
        }

        // Unix socket paths must stay short (under ~100 characters).
        var directory = Path.Combine("/tmp", "irpg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var port = Random.Shared.Next(40000, 60000);
        var server = new PostgresServer(directory, binaries, port);
        if (IsRoot)
        {
            Run("chown", $"postgres:postgres {directory}");
        }

        server.RunAsServerUser(Path.Combine(binaries, "initdb"), $"-D {server.Data} -U postgres -A trust -E UTF8 --no-locale --no-sync", true);
        server.Start();
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        return server;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private void PgCtl(string arguments, bool throwOnFailure) =>
        RunAsServerUser(Path.Combine(_binaries, "pg_ctl"), arguments, throwOnFailure);

    private void RunAsServerUser(string executable, string arguments, bool throwOnFailure)
    {
        if (IsRoot)
        {
            Run("runuser", $"-u postgres -- {executable} {arguments}", throwOnFailure);
        }
        else
        {
            Run(executable, arguments, throwOnFailure);
        }
    }

    private static void Run(string executable, string arguments, bool throwOnFailure = true)
    {
        using var process = Process.Start(new ProcessStartInfo(executable, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
        }

        if (throwOnFailure && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{executable} {arguments}' failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }
}
