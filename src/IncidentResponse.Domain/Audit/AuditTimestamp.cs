using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace IncidentResponse.Domain.Audit;

/// <summary>
/// A trusted timestamp (RFC 3161) of a case's history, ADR 0033: a time-stamping authority signed the history's content
/// digest at event <see cref="Sequence"/> (<see cref="AuditTimestamps.ContentDigests"/>) at <see cref="StampedUtc"/>. The
/// token is kept exactly as the authority sent it (DER, a CMS SignedData), so anyone can check it with
/// <c>openssl ts -verify</c>; the digest is kept beside it to find the token without decoding it.
/// </summary>
public sealed class AuditTimestamp
{
    public const int AuthorityMaxLength = 2048;
    public const int TokenMaxLength = 64 * 1024;

    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>The newest event the digest covers.</summary>
    public long Sequence { get; set; }

    /// <summary>The history's content digest at <see cref="Sequence"/>: SHA-256, what the authority signed.</summary>
    public byte[] Digest { get; set; } = [];

    /// <summary>The time-stamp token (RFC 3161 TimeStampToken, DER).</summary>
    public byte[] Token { get; set; } = [];

    /// <summary>The time the authority put in the token (its genTime), in UTC.</summary>
    public DateTime StampedUtc { get; set; }

    /// <summary>When this server kept it, by its own clock: the daily round's "at most once a day".</summary>
    public DateTime KeptUtc { get; set; }

    /// <summary>The authority's address, as configured when it was asked.</summary>
    public string Authority { get; set; } = "";
}

/// <summary>
/// Asking for, accepting and checking trusted timestamps of a history (ADR 0033), with .NET's RFC 3161 support
/// (<see cref="Rfc3161TimestampRequest"/>, <see cref="Rfc3161TimestampToken"/>). What is signed is the history's content
/// digest: the events chained with unkeyed SHA-256 (<see cref="AuditChainKey.Content"/>), so a token outlives a rotation
/// of the master key, and anyone who rewrites an event up to the stamped one (even holding the key) breaks it.
/// </summary>
public static class AuditTimestamps
{
    /// <summary>Each event's content digest, oldest first: the digest of the history up to and including it.</summary>
    public static IReadOnlyDictionary<long, byte[]> ContentDigests(IEnumerable<AuditEvent> eventsInOrder)
    {
        ArgumentNullException.ThrowIfNull(eventsInOrder);
        var digests = new Dictionary<long, byte[]>();
        var previous = AuditChain.GenesisHash;
        foreach (var auditEvent in eventsInOrder)
        {
            previous = AuditChain.Compute(AuditChainKey.Content, previous, auditEvent);
            digests[auditEvent.Sequence] = previous;
        }

        return digests;
    }

    /// <summary>A request for <paramref name="digest"/> (SHA-256), with a fresh nonce and the authority's certificate asked for.</summary>
    public static Rfc3161TimestampRequest Request(byte[] digest) =>
        Rfc3161TimestampRequest.CreateFromHash(digest, HashAlgorithmName.SHA256, nonce: RandomNumberGenerator.GetBytes(16), requestSignerCertificates: true);

    /// <summary>
    /// The token in the authority's answer to <paramref name="request"/>, once its status, nonce and digest match the
    /// request and its signature checks with the certificate it carries.
    /// </summary>
    /// <exception cref="CryptographicException">The answer is not a good timestamp of the request.</exception>
    public static Rfc3161TimestampToken Accept(Rfc3161TimestampRequest request, byte[] response)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.ProcessResponse(response, out _);
        if (!token.VerifySignatureForHash(request.GetMessageHash().Span, HashAlgorithmName.SHA256, out _, extraCandidates: null))
        {
            throw new CryptographicException("The time-stamp token's signature does not check.");
        }

        return token;
    }

    /// <summary>
    /// Why <paramref name="stamp"/> does not prove its part of the history (null when it does): its token must decode,
    /// sign exactly the digest the history has at its event now, with a valid signature; and, when
    /// <paramref name="trusted"/> is given, its signer's certificate must chain to one of them for time-stamping.
    /// </summary>
    public static string? Problem(AuditTimestamp stamp, IReadOnlyDictionary<long, byte[]> digests, X509Certificate2Collection? trusted = null)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(digests);
        if (!Rfc3161TimestampToken.TryDecode(stamp.Token, out var token, out _))
        {
            return "its token cannot be read";
        }

        if (!digests.TryGetValue(stamp.Sequence, out var digest))
        {
            return $"it covers event #{stamp.Sequence}, which the history no longer has";
        }

        if (!token.VerifySignatureForHash(digest, HashAlgorithmName.SHA256, out var signer, extraCandidates: null) || signer is null)
        {
            return $"it does not sign the history as it is now up to event #{stamp.Sequence}: an event up to there was changed, or the token is another history's";
        }

        return trusted is null || Chains(signer, trusted, token.TokenInfo.Timestamp.UtcDateTime) ? null : $"its signer ({signer.Subject}) is not one of the trusted time-stamping authorities";
    }

    /// <summary>Whether the signer chains to a trusted root for time-stamping, as its certificates stood when it signed.</summary>
    private static bool Chains(X509Certificate2 signer, X509Certificate2Collection trusted, DateTime signedUtc)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.VerificationTime = signedUtc;
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.8"));
        return chain.Build(signer);
    }
}
