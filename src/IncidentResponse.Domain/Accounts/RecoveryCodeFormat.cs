using System.Security.Cryptography;
using System.Text;

namespace IncidentResponse.Domain.Accounts;

/// <summary>
/// Making, reading and hashing recovery codes (ADR 0026). A code is 16 characters of Crockford's base32 (digits and
/// letters without I, L, O and U), 80 random bits, shown as four groups of four: <c>7KQ2-M9XD-3TFA-WR6B</c>. With 80
/// bits a fast hash is enough (no one can try 2^80 codes against a copied table), so the store keeps SHA-256 and
/// needs no key that a key rotation would change. Reading forgives what people get wrong when copying by hand:
/// lower case, spaces and dashes anywhere, O for 0, and I or L for 1.
/// </summary>
public static class RecoveryCodeFormat
{
    /// <summary>How many codes a set has.</summary>
    public const int SetSize = 10;

    /// <summary>Characters in a code, dashes not counted.</summary>
    public const int Length = 16;

    /// <summary>The longest text the form accepts as a code (spaces and dashes around the 16 characters).</summary>
    public const int MaxInputLength = 64;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new set of <see cref="SetSize"/> codes, each different, in their display form.</summary>
    public static IReadOnlyList<string> NewSet()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (codes.Count < SetSize)
        {
            codes.Add(NewCode());
        }

        return [.. codes];
    }

    /// <summary>The 16 characters as <c>XXXX-XXXX-XXXX-XXXX</c>.</summary>
    public static string Display(string canonical) =>
        string.Join('-', Enumerable.Range(0, Length / 4).Select(i => canonical.Substring(i * 4, 4)));

    /// <summary>What someone typed, as the 16 characters the code was made of; null when it cannot be a code.</summary>
    public static string? Canonical(string? typed)
    {
        if (string.IsNullOrEmpty(typed) || typed.Length > MaxInputLength)
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var c in typed)
        {
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }

            var mapped = char.ToUpperInvariant(c) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (Alphabet.IndexOf(mapped, StringComparison.Ordinal) < 0 || builder.Length == Length)
            {
                return null;
            }

            builder.Append(mapped);
        }

        return builder.Length == Length ? builder.ToString() : null;
    }

    /// <summary>The hash kept for a code in its canonical form.</summary>
    public static byte[] Hash(string canonical) => SHA256.HashData(Encoding.ASCII.GetBytes(canonical));

    private static string NewCode()
    {
        // 80 bits: ten random bytes, read five bits at a time.
        Span<byte> bytes = stackalloc byte[10];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[Length];
        ulong buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[index++] = Alphabet[(int)((buffer >> bits) & 31)];
            }
        }

        return Display(new string(chars));
    }
}
