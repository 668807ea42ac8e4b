namespace IncidentResponse.Web.Infrastructure;

/// <summary>
/// The key that wraps every other key (Data Protection's key ring now, case keys for the evidence vault).
/// From <c>Security:MasterKey</c> (32 bytes, base64). In Development a development key is generated once under the
/// data directory; in every other environment the app refuses to start without a configured one.
/// </summary>
public sealed class MasterKey
{
    public const int Size = 32;

    private readonly byte[] _bytes;

    private MasterKey(byte[] bytes, string? developmentKeyPath = null)
    {
        _bytes = bytes;
        DevelopmentKeyPath = developmentKeyPath;
    }

    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Where the generated development key is kept; null when the key came from configuration.</summary>
    public string? DevelopmentKeyPath { get; }

    public static MasterKey Load(IConfiguration configuration, IHostEnvironment environment, string dataDirectory)
    {
        var configured = configuration["Security:MasterKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new MasterKey(Parse(configured));
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Security:MasterKey is not set. Outside Development (here: {environment.EnvironmentName}) the app will not "
                + "start without it: generate one with 'openssl rand -base64 32' and set Security__MasterKey (see docs/operations.md).");
        }

        var path = Path.Combine(dataDirectory, "keys", "development-master.key");
        if (File.Exists(path))
        {
            return new MasterKey(Parse(File.ReadAllText(path)), path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(Size);
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
            throw new InvalidOperationException("Security:MasterKey must be 32 random bytes in base64.");
        }

        return bytes.Length == Size ? bytes : throw new InvalidOperationException("Security:MasterKey must be 32 random bytes in base64.");
    }
}
