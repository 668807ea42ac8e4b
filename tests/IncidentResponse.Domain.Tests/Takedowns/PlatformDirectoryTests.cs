using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

public sealed class PlatformDirectoryTests
{
    private static readonly string[] ShippedIds =
    [
        "bing", "discord", "facebook", "google-search", "instagram", "onlyfans", "other-host", "pornhub", "reddit",
        "snapchat", "telegram", "threads", "tiktok", "tumblr", "whatsapp", "x", "youtube",
    ];

    public static TheoryData<string> Ids() => new(ShippedIds);

    [Fact]
    public void Ships_one_entry_per_platform_as_embedded_resources()
    {
        var names = PlatformDirectory.EmbeddedResourceNames(typeof(PlatformDirectory).Assembly);

        Assert.Equal(ShippedIds, names.Select(n => n[PlatformDirectory.ResourcePrefix.Length..^".json".Length]));
        Assert.Equal(ShippedIds, TestLetters.Shipped.Entries.Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_shipped_entry_validates(string id)
    {
        var entry = TestLetters.Shipped.Get(id);

        Assert.Equal(id, entry.Id);
        Assert.Empty(PlatformEntryValidator.Validate(entry, DateOnly.FromDateTime(DateTime.UtcNow)));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_shipped_entry_offers_at_least_one_known_kind_of_letter_and_never_a_follow_up(string id)
    {
        var kinds = TestLetters.Shipped.Get(id).LetterKinds;

        Assert.NotNull(kinds);
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.True(Enum.IsDefined(k), $"{id} lists an unknown kind {(int)k}."));
        Assert.DoesNotContain(LetterKind.FollowUp, kinds);
        Assert.Equal(kinds.Count, kinds.Distinct().Count());
    }

    [Fact]
    public void Each_kind_of_letter_goes_only_where_it_makes_sense()
    {
        var entries = TestLetters.Shipped.Entries;

        Assert.Equal(["bing", "google-search"], entries.Where(e => e.Offers(LetterKind.SearchDelisting)).Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(entries.Where(e => e.Kind == PlatformKind.SearchEngine), e =>
        {
            Assert.False(e.Offers(LetterKind.TakeItDownRequest), $"{e.Id} is not a covered platform under the TAKE IT DOWN Act.");
            Assert.False(e.Offers(LetterKind.PlatformPolicyReport), $"{e.Id} takes a search result removal request instead.");
        });
        Assert.All(entries.Where(e => e.Kind != PlatformKind.SearchEngine), e =>
        {
            Assert.True(e.Offers(LetterKind.PlatformPolicyReport), $"{e.Id} should take a report under its own rules.");
            Assert.Equal(e.TakeItDown!.Process is not null, e.Offers(LetterKind.TakeItDownRequest));
            Assert.NotNull(e.TakeItDown.Ftc);
        });
        Assert.All(entries, e => Assert.Equal(e.Dmca!.Accepted, e.Offers(LetterKind.DmcaNotice)));
        Assert.All(entries, e => Assert.Equal(e.Kind != PlatformKind.SearchEngine, e.Offers(LetterKind.DsaNotice)));
    }

    [Fact]
    public void Every_platform_where_people_have_accounts_has_a_sourced_route_for_reporting_an_extorting_account_and_offers_the_letter()
    {
        var entries = TestLetters.Shipped.Entries;

        Assert.Equal(
            ["discord", "facebook", "instagram", "onlyfans", "pornhub", "reddit", "snapchat", "telegram", "threads", "tiktok", "tumblr", "whatsapp", "x", "youtube"],
            entries.Where(e => e.Kind == PlatformKind.Platform).Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(entries.Where(e => e.Kind == PlatformKind.Platform), e =>
        {
            var route = e.ExtortionRoute;
            Assert.True(route is not null, $"{e.Id} has accounts that can contact people, so it needs an extortionRoute.");
            Assert.StartsWith("https://", route.StartUrl, StringComparison.Ordinal);
            Assert.StartsWith("https://", route.SourceUrl, StringComparison.Ordinal);
            Assert.True(route.NeedsReview != (route.LastVerified.Length == 10), $"{e.Id}: the route is dated or marked needsReview, never both.");
            Assert.True(!route.NeedsReview || e.NeedsReview, $"{e.Id}: an entry with a route to review says so at the top.");
            Assert.True(e.Offers(LetterKind.ExtortionAccountReport), $"{e.Id} should offer the report of an account.");
        });
        Assert.All(entries.Where(e => e.Kind != PlatformKind.Platform), e =>
        {
            Assert.Null(e.ExtortionRoute);
            Assert.False(e.Offers(LetterKind.ExtortionAccountReport), $"{e.Id} has no account to report.");
        });
    }

    [Fact]
    public void A_take_it_down_request_is_offered_only_where_the_platforms_own_process_is_recorded_and_goes_only_through_it()
    {
        var entries = TestLetters.Shipped.Entries;

        Assert.Equal(["discord", "x"], entries.Where(e => e.Offers(LetterKind.TakeItDownRequest)).Select(e => e.Id).Order(StringComparer.Ordinal));
        var x = TestLetters.Shipped.Get("x");
        Assert.Equal("https://help.x.com/forms/safety-and-sensitive-content/take-it-down", x.TakeItDown!.Process!.FormUrl);
        Assert.Equal([TakedownChannel.Form], LetterChannels.Allowed(LetterKind.TakeItDownRequest, x));
        Assert.False(LetterChannels.Allows(LetterKind.TakeItDownRequest, x, TakedownChannel.Email));
        Assert.True(LetterChannels.Allows(LetterKind.PlatformPolicyReport, x, TakedownChannel.Email));

        var reddit = TestLetters.Shipped.Get("reddit");
        Assert.False(reddit.Offers(LetterKind.TakeItDownRequest));
        Assert.Empty(LetterChannels.Allowed(LetterKind.TakeItDownRequest, reddit));
        Assert.All(entries.Where(e => e.TakeItDown?.Process is not null), e =>
            Assert.True(e.TakeItDown!.Process!.NeedsReview || e.TakeItDown.Process.LastVerified.Length == 10, $"{e.Id}: a process is checked on a date or marked needsReview."));
    }

    [Fact]
    public void Every_covered_entry_names_the_ftcs_own_take_it_down_address_and_no_other_ftc_step()
    {
        Assert.All(TestLetters.Shipped.Entries.Where(e => e.Kind != PlatformKind.SearchEngine), e =>
        {
            Assert.Equal("https://takeitdown.ftc.gov/", e.TakeItDown!.Ftc!.Contact);
            Assert.True(e.TakeItDown.Ftc.NeedsReview || e.TakeItDown.Ftc.LastVerified.Length == 10);
            Assert.DoesNotContain(e.Escalation!, s => s.Name.Contains("Federal Trade Commission", StringComparison.Ordinal));
        });
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_shipped_entry_file_is_copied_to_the_output(string id)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Content", "platforms", id + ".json");

        Assert.True(File.Exists(path), path);
        Assert.Equal(id, PlatformDirectory.ParseEntry(File.ReadAllText(path)).Id);
    }

    [Fact]
    public void Unknown_ids_fall_back_to_the_other_host_entry_and_other_host_is_listed_last()
    {
        Assert.Equal(PlatformDirectory.OtherHostId, TestLetters.Shipped.Get("no-such-site").Id);
        Assert.Equal(PlatformDirectory.OtherHostId, TestLetters.Shipped.Get(null).Id);
        Assert.Equal("x", TestLetters.Shipped.Get(" X ").Id);
        Assert.Equal(PlatformDirectory.OtherHostId, TestLetters.Shipped.Entries[^1].Id);
    }

    [Theory]
    [InlineData("google-search")]
    [InlineData("bing")]
    public void Search_engines_warn_that_copyright_notices_may_be_published_in_lumen(string id)
    {
        var entry = TestLetters.Shipped.Get(id);

        Assert.Equal(PlatformKind.SearchEngine, entry.Kind);
        Assert.Contains(entry.Warnings!, w => w.Route == WarningRoute.Dmca && w.Text.Contains("Lumen", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("youtube", "legal name")]
    [InlineData("facebook", "your email address")]
    [InlineData("discord", "not given to the person who uploaded")]
    [InlineData("x", "your name")]
    public void Platforms_say_before_a_route_is_chosen_whether_the_uploader_sees_your_details(string id, string words)
    {
        Assert.Contains(TestLetters.Shipped.Get(id).Warnings!,
            w => w.Route is WarningRoute.Dmca or WarningRoute.TakeItDown && w.Text.Contains(words, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("facebook", true)]
    [InlineData("instagram", true)]
    [InlineData("threads", true)]
    [InlineData("tiktok", true)]
    [InlineData("snapchat", true)]
    [InlineData("reddit", true)]
    [InlineData("onlyfans", true)]
    [InlineData("pornhub", true)]
    [InlineData("bing", true)]
    [InlineData("youtube", false)]
    [InlineData("telegram", false)]
    public void Records_stopncii_participation(string id, bool partner)
    {
        Assert.Equal(partner, TestLetters.Shipped.Get(id).HashMatching!.StopNciiPartner);
    }

    [Fact]
    public void A_broken_entry_stops_loading_with_every_problem_listed()
    {
        var broken = TestPlatforms.Valid() with { Id = PlatformDirectory.OtherHostId, Name = "", ContentVersion = 0 };

        var error = Assert.Throws<InvalidDataException>(() => PlatformDirectory.FromEntries([broken], TestPlatforms.Today));

        Assert.Contains("other-host: name: is required.", error.Message, StringComparison.Ordinal);
        Assert.Contains("other-host: contentVersion:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_other_host_entry_is_required()
    {
        var error = Assert.Throws<InvalidDataException>(() => PlatformDirectory.FromEntries([TestPlatforms.Valid()], TestPlatforms.Today));

        Assert.Contains("The other-host entry is missing.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_are_rejected()
    {
        var other = TestPlatforms.Valid() with { Id = PlatformDirectory.OtherHostId };

        var error = Assert.Throws<InvalidDataException>(() => PlatformDirectory.FromEntries([other, other], TestPlatforms.Today));

        Assert.Contains("more than one entry has this id", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schemaVersion\":1,\"id\":\"a\",\"unknownField\":true}")]
    [InlineData("{\"schemaVersion\":1,\"kind\":\"spaceship\"}")]
    [InlineData("{\"schemaVersion\":1,\"kind\":2}")]
    [InlineData("not json")]
    public void Unknown_fields_enum_values_and_bad_json_are_errors(string json)
    {
        Assert.Throws<InvalidDataException>(() => PlatformDirectory.ParseEntry(json));
    }
}
