using BenchmarkDotNet.Attributes;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Accounts;

namespace IncidentResponse.Benchmarks;

/// <summary>The passphrase check runs on every sign-up: it must stay far below the cost of hashing.</summary>
[MemoryDiagnoser]
public class PassphrasePolicyBenchmarks
{
    private PassphrasePolicy _policy = null!;

    [GlobalSetup]
    public void Setup() => _policy = PassphraseValidator.LoadPolicy(AppContext.BaseDirectory);

    [Benchmark]
    public int AcceptedPassphrase() => _policy.Check("copper meadow violin tide", "someone").Count;

    [Benchmark]
    public int CommonPassphrase() => _policy.Check("Sunshine2024!!", "someone").Count;
}
