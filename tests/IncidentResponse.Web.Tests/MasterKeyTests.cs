using System.Security.Cryptography;
using IncidentResponse.Domain.Keys;
using IncidentResponse.Web.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace IncidentResponse.Web.Tests;

/// <summary>Where the master key comes from, and that nothing uses it without deriving a key of its own first.</summary>
public sealed class MasterKeyTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ir-mk-" + Guid.NewGuid().ToString("N")[..10]);

    public MasterKeyTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public void Production_reads_the_key_from_the_file_Security_MasterKeyFile_names_and_it_wins_over_Security_MasterKey()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var file = Path.Combine(_directory, "master.key");
        File.WriteAllText(file, Convert.ToBase64String(bytes) + "\n");

        var key = MasterKey.Load(
            Configuration(("Security:MasterKeyFile", file), ("Security:MasterKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))),
            new Environment("Production"),
            _directory);

        Assert.True(key.SameAs(bytes));
        Assert.Null(key.DevelopmentKeyPath);
        Assert.Equal(MasterKeyDerivation.Derive(bytes, MasterKeyUse.CaseKeyWrapping), key.CaseKeyWrapping);
        Assert.Equal(MasterKeyDerivation.Derive(bytes, MasterKeyUse.DataProtectionKeyRing), key.KeyRing);
        Assert.NotEqual(bytes, key.CaseKeyWrapping);
        Assert.NotEqual(key.CaseKeyWrapping, key.KeyRing);
        Assert.False(Directory.Exists(Path.Combine(_directory, "keys")));
    }

    [Fact]
    public void A_missing_or_malformed_key_file_stops_the_app_naming_the_setting_and_never_the_key()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => MasterKey.Load(
            Configuration(("Security:MasterKeyFile", Path.Combine(_directory, "absent.key"))), new Environment("Production"), _directory));
        Assert.Contains("Security:MasterKeyFile", missing.Message, StringComparison.Ordinal);

        var file = Path.Combine(_directory, "short.key");
        File.WriteAllText(file, "c2hvcnQ=");
        var malformed = Assert.Throws<InvalidOperationException>(() => MasterKey.Load(
            Configuration(("Security:MasterKeyFile", file)), new Environment("Production"), _directory));
        Assert.DoesNotContain("c2hvcnQ", malformed.Message, StringComparison.Ordinal);
        Assert.Contains("32 random bytes", malformed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_Development_the_app_will_not_start_without_a_key_and_says_to_use_a_key_file()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => MasterKey.Load(Configuration(), new Environment("Production"), _directory));

        Assert.Contains("Security__MasterKeyFile", refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_directory, "keys")));
    }

    [Fact]
    public void Security_MasterKey_still_works_for_development_and_tests()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);

        var key = MasterKey.Load(Configuration(("Security:MasterKey", Convert.ToBase64String(bytes))), new Environment("Testing"), _directory);

        Assert.True(key.SameAs(bytes));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "IncidentResponse.Web";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
