using System.Security.Cryptography;

namespace IncidentResponse.Domain.Audit;

/// <summary>
/// How the audit chain's hashes are made: HMAC-SHA256 under the audit key derived from the master key (version 2, the
/// only one written), or plain SHA-256 (version 1, before the chain was keyed), which only the one-time re-seal reads.
/// </summary>
public sealed class AuditChainKey
{
    internal const string CurrentLabel = "IncidentResponse.Audit.v2";
    private const string LegacyLabel = "IncidentResponse.Audit.v1";
    private const string ContentLabel = "IncidentResponse.AuditContent.v1";

    private readonly byte[]? _key;

    private AuditChainKey(byte[]? key, string label)
    {
        _key = key;
        Label = label;
    }

    /// <summary>Version 1: unkeyed SHA-256. Anyone can compute it, so it proves nothing about who wrote a chain.</summary>
    public static AuditChainKey UnkeyedVersion1 { get; } = new(null, LegacyLabel);

    /// <summary>
    /// The history's content digest (ADR 0033): unkeyed SHA-256 chained like the history, under a label of its own. It
    /// depends on the events alone, not on the master key, so a trusted timestamp of it still checks after the key is
    /// rotated (which seals every history again under a new key).
    /// </summary>
    public static AuditChainKey Content { get; } = new(null, ContentLabel);

    /// <summary>Whether this is the current, keyed format.</summary>
    public bool IsKeyed => _key is not null;

    internal string Label { get; }

    /// <param name="key">The 32-byte audit key (<see cref="Keys.MasterKeyUse.AuditChain"/>).</param>
    public static AuditChainKey Hmac(ReadOnlySpan<byte> key) =>
        key.Length == 32 ? new AuditChainKey(key.ToArray(), CurrentLabel) : throw new ArgumentException("The audit key is 32 bytes.", nameof(key));

    internal byte[] Hash(byte[] canonical) => _key is null ? SHA256.HashData(canonical) : HMACSHA256.HashData(_key, canonical);

    internal byte[] SealHead(byte[] encodedHead) =>
        _key is null ? throw new InvalidOperationException("Version 1 chains have no sealed head.") : HMACSHA256.HashData(_key, encodedHead);
}
