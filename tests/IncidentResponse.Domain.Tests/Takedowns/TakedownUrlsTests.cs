using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

public sealed class TakedownUrlsTests
{
    [Fact]
    public void Keeps_http_and_https_addresses_in_order_trimmed()
    {
        var result = TakedownUrls.Clean(["  https://example.org/a ", "http://example.net/b?x=1"]);

        Assert.Equal(["https://example.org/a", "http://example.net/b?x=1"], result.Kept);
        Assert.Empty(result.Dropped);
    }

    [Fact]
    public void Reports_each_dropped_address_and_why()
    {
        var result = TakedownUrls.Clean(
        [
            "https://example.org/a",
            "",
            null,
            "not a url",
            "example.org/no-scheme",
            "ftp://example.org/file",
            "javascript:alert(1)",
            "HTTPS://EXAMPLE.ORG/a/",
            "https://example.org/a#top",
        ]);

        Assert.Equal(["https://example.org/a"], result.Kept);
        Assert.Equal(
        [
            UrlDropReason.Empty, UrlDropReason.Empty, UrlDropReason.NotAnAddress, UrlDropReason.NotAnAddress,
            UrlDropReason.NotHttpOrHttps, UrlDropReason.NotHttpOrHttps, UrlDropReason.Duplicate, UrlDropReason.Duplicate,
        ], result.Dropped.Select(d => d.Reason));
        Assert.Equal("ftp://example.org/file", result.Dropped[4].Original);
    }

    [Fact]
    public void Different_paths_and_queries_are_not_duplicates()
    {
        var result = TakedownUrls.Clean(["https://example.org/a", "https://example.org/A", "https://example.org/a?page=2"]);

        Assert.Equal(3, result.Kept.Count);
    }
}
