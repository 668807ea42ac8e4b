using System.Security.Cryptography;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Keys;

namespace IncidentResponse.Web.Security;

/// <summary>
/// The root key. Nothing uses it directly: each use has its own key derived with HKDF (<see cref="MasterKeyDerivation"/>):
/// wrapping case keys, the audit chain's HMAC, and sealing the Data Protection key ring.
/// <para>Read from the file named by <c>Security:MasterKeyFile</c> (the production way: a mounted secret, never in the
/// environment where a child process or a crash report could see it), else from <c>Security:MasterKey</c> (32 bytes,
/// base64; for development and tests). In Development without either, a development key is generated once under the
/// data directory; in every other environment the app refuses to start without one.</para>
/// </summary>
public sealed class MasterKey
{
    public const int Size = 32;

    private readonly byte[] _bytes;

    private MasterKey(byte[] bytes, string? developmentKeyPath = null)
    {
        _bytes = bytes;
        DevelopmentKeyPath = developmentKeyPath;
        CaseKeyWrapping = MasterKeyDerivation.Derive(bytes, MasterKeyUse.CaseKeyWrapping);
        AuditChain = AuditChainKey.Hmac(MasterKeyDerivation.Derive(bytes, MasterKeyUse.AuditChain));
        KeyRing = MasterKeyDerivation.Derive(bytes, MasterKeyUse.DataProtectionKeyRing);
    }

    /// <summary>Wraps each case's evidence key (AES-256-GCM, bound to the case id).</summary>
    public byte[] CaseKeyWrapping { get; }

    /// <summary>Keys the audit chain's HMAC-SHA256 and the seal on each case's head.</summary>
    public AuditChainKey AuditChain { get; }

    /// <summary>Seals each Data Protection key-ring entry (AES-256-GCM).</summary>
    public byte[] KeyRing { get; }

    /// <summary>Where the generated development key is kept; null when the key came from configuration.</summary>
    public string? DevelopmentKeyPath { get; }

    /// <summary>
    /// The master key itself, for the one-time upgrade of what version 1 wrapped with it directly
    /// (<see cref="KeyFormatUpgrade"/>) and for telling two keys apart. Used for nothing else.
    /// </summary>
    internal ReadOnlySpan<byte> LegacyBytes => _bytes;

    public bool SameAs(ReadOnlySpan<byte> other) => CryptographicOperations.FixedTimeEquals(_bytes, other);

    public static MasterKey Load(IConfiguration configuration, IHostEnvironment environment, string dataDirectory)
    {
        var file = configuration["Security:MasterKeyFile"];
        if (!string.IsNullOrWhiteSpace(file))
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException(
                    "Security:MasterKeyFile names a file that cannot be read: check the path and that the app's user may read it (see docs/operations.md).", e);
            }

            return new MasterKey(Parse(text));
        }

        var configured = configuration["Security:MasterKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new MasterKey(Parse(configured));
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"No master key: set Security:MasterKeyFile. Outside Development (here: {environment.EnvironmentName}) the app will not "
                + "start without one: generate it with 'openssl rand -base64 32' into a file readable only by the app, mount it as a "
                + "secret and set Security__MasterKeyFile to its path (see docs/operations.md).");
        }

        var path = Path.Combine(dataDirectory, "keys", "development-master.key");
        if (File.Exists(path))
        {
            return new MasterKey(Parse(File.ReadAllText(path)), path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = RandomNumberGenerator.GetBytes(Size);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(Convert.ToBase64String(bytes));
        }

        return new MasterKey(bytes, path);
    }

    public static MasterKey FromBytes(byte[] bytes) =>
        bytes.Length == Size ? new MasterKey(bytes.ToArray()) : throw new ArgumentException("A master key is 32 bytes.", nameof(bytes));

    /// <summary>32 bytes from base64, or an <see cref="InvalidOperationException"/> saying what a master key must be.</summary>
    public static byte[] Parse(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("The master key must be 32 random bytes in base64.");
        }

        return bytes.Length == Size ? bytes : throw new InvalidOperationException("The master key must be 32 random bytes in base64.");
    }
}
