using IncidentResponse.Domain.Incidents;

namespace IncidentResponse.Domain.Tests.Incidents;

public sealed class UrlListTests
{
    [Fact]
    public void Splits_on_newlines_spaces_and_commas_and_finds_the_platform()
    {
        var result = UrlList.Parse("https://www.reddit.com/r/a/1\r\nhttps://x.com/b/status/2, https://example.org/c  http://t.me/d");

        Assert.Equal(
            ["https://www.reddit.com/r/a/1", "https://x.com/b/status/2", "https://example.org/c", "http://t.me/d"],
            result.Accepted.Select(a => a.Url));
        Assert.Equal(["reddit", "x", "other", "telegram"], result.Accepted.Select(a => a.Platform));
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void The_same_place_written_differently_is_kept_once()
    {
        var result = UrlList.Parse("https://Example.ORG/page/\nHTTPS://example.org/page\nhttps://example.org:443/page\nhttps://example.org/Page");

        Assert.Equal(["https://Example.ORG/page/", "https://example.org/Page"], result.Accepted.Select(a => a.Url));
        Assert.Equal(2, result.Rejected.Count);
        Assert.All(result.Rejected, r => Assert.Equal(UrlRejection.Duplicate, r.Reason));
    }

    [Theory]
    [InlineData("javascript:alert(1)", UrlRejection.NotHttp)]
    [InlineData("ftp://example.org/file", UrlRejection.NotHttp)]
    [InlineData("file:///etc/passwd", UrlRejection.NotHttp)]
    [InlineData("not-a-link", UrlRejection.NotAWebAddress)]
    [InlineData("/just/a/path", UrlRejection.NotAWebAddress)]
    [InlineData("www.example.org", UrlRejection.NotAWebAddress)]
    public void Anything_but_an_http_address_is_reported_with_a_reason(string text, UrlRejection reason)
    {
        var result = UrlList.Parse($"https://example.org/ok\n{text}");

        Assert.Single(result.Accepted);
        Assert.Equal(new RejectedUrl(text, reason), Assert.Single(result.Rejected));
    }

    [Fact]
    public void An_overlong_address_is_refused()
    {
        var result = UrlList.Parse("https://example.org/" + new string('a', WebAddress.MaxLength));

        Assert.Empty(result.Accepted);
        Assert.Equal(UrlRejection.TooLong, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void Empty_text_gives_nothing()
    {
        Assert.Empty(UrlList.Parse("  \n , ").Accepted);
        Assert.Empty(UrlList.Parse(null).Rejected);
    }

    [Theory]
    [InlineData("www.google.co.uk", "google")]
    [InlineData("google.com", "google")]
    [InlineData("m.facebook.com", "facebook")]
    [InlineData("youtu.be", "youtube")]
    [InlineData("notfacebook.com", "other")]
    [InlineData("twitter.com", "x")]
    public void Platforms_are_known_by_host(string host, string platform) => Assert.Equal(platform, Platforms.FromHost(host));
}
