using BenchmarkDotNet.Attributes;
using IncidentResponse.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IncidentResponse.Benchmarks;

/// <summary>What one sign-in costs the server at the configured PBKDF2 iteration count (210,000, SHA-512).</summary>
[MemoryDiagnoser]
public class PasswordHashingBenchmarks
{
    private readonly PasswordHasher<AppUser> _hasher = new(Options.Create(new PasswordHasherOptions { IterationCount = 210_000 }));
    private readonly AppUser _user = new();
    private string _hash = "";

    [GlobalSetup]
    public void Setup() => _hash = _hasher.HashPassword(_user, "copper meadow violin tide");

    [Benchmark]
    public PasswordVerificationResult VerifyPassphrase() => _hasher.VerifyHashedPassword(_user, _hash, "copper meadow violin tide");
}
