using System.Net;
using IncidentResponse.Web.Tests.Infrastructure;

namespace IncidentResponse.Web.Tests;

/// <summary>The load benchmark's bare baseline page exists only in Development and Benchmark, never elsewhere.</summary>
public sealed class BenchmarkPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_bare_benchmark_page_is_not_found_outside_development_and_benchmark()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        var page = await client.GetAsync($"/dev/bare?id={caseId}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("<p>0</p>", page.Html, StringComparison.Ordinal);
    }
}
