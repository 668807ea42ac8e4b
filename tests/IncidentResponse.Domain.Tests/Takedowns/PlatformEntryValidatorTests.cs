using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

public sealed class PlatformEntryValidatorTests
{
    private static readonly DateOnly Today = TestPlatforms.Today;

    [Fact]
    public void The_test_entry_is_valid()
    {
        Assert.Empty(PlatformEntryValidator.Validate(TestPlatforms.Valid(), Today));
    }

    [Fact]
    public void Catches_a_different_schema_version()
    {
        AssertSingleProblem(TestPlatforms.Valid() with { SchemaVersion = 2 }, "schemaVersion:");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Facebook")]
    [InlineData("google search")]
    [InlineData("-x")]
    [InlineData("x-")]
    public void Catches_a_bad_id(string id)
    {
        AssertSingleProblem(TestPlatforms.Valid() with { Id = id }, "id:");
    }

    [Fact]
    public void Catches_missing_required_fields()
    {
        var entry = TestPlatforms.Valid() with { Name = " ", Operator = "", ContentVersion = 0, Kind = (PlatformKind)99, ExtortionRoute = null, LetterKinds = [LetterKind.PlatformPolicyReport] };

        var problems = PlatformEntryValidator.Validate(entry, Today);

        Assert.Equal(["name: is required.", "operator: is required."], problems.Take(2));
        Assert.Contains(problems, p => p.StartsWith("kind:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("contentVersion:", StringComparison.Ordinal));
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Catches_missing_sections()
    {
        var entry = TestPlatforms.Valid() with
        {
            Policy = null,
            NciiRoute = null,
            Dmca = null,
            HashMatching = null,
            ResponseTime = null,
            AsksFor = [],
            Escalation = [],
            Warnings = null,
        };

        var problems = PlatformEntryValidator.Validate(entry, Today);

        Assert.Equal(
            ["policy:", "nciiRoute:", "dmca:", "hashMatching:", "asksFor:", "responseTime:", "escalation:", "warnings:"],
            problems.Select(p => p[..(p.IndexOf(':', StringComparison.Ordinal) + 1)]));
    }

    [Theory]
    [InlineData("http://example.org/report")]
    [InlineData("ftp://example.org/report")]
    [InlineData("example.org/report")]
    [InlineData("https://example.org/has space")]
    [InlineData("")]
    public void Catches_an_address_that_is_not_https(string url)
    {
        var entry = TestPlatforms.Valid();
        AssertSingleProblem(entry with { NciiRoute = entry.NciiRoute! with { StartUrl = url } }, "nciiRoute.startUrl: must be an https address.");
        AssertSingleProblem(entry with { ExtortionRoute = entry.ExtortionRoute! with { StartUrl = url } }, "extortionRoute.startUrl: must be an https address.");
        AssertSingleProblem(entry with { Policy = entry.Policy! with { Url = url } }, "policy.url: must be an https address.");
        AssertSingleProblem(entry with { Dmca = entry.Dmca! with { FormUrl = url } }, "dmca.formUrl: must be an https address.");
    }

    [Theory]
    [InlineData("http://example.org/source")]
    [InlineData("")]
    public void Catches_a_source_that_is_not_https_on_every_fact(string url)
    {
        var entry = TestPlatforms.Valid();
        AssertSingleProblem(entry with { Policy = entry.Policy! with { SourceUrl = url } }, "policy.sourceUrl:");
        AssertSingleProblem(entry with { NciiRoute = entry.NciiRoute! with { SourceUrl = url } }, "nciiRoute.sourceUrl:");
        AssertSingleProblem(entry with { ExtortionRoute = entry.ExtortionRoute! with { SourceUrl = url } }, "extortionRoute.sourceUrl:");
        AssertSingleProblem(entry with { Dmca = entry.Dmca! with { SourceUrl = url } }, "dmca.sourceUrl:");
        AssertSingleProblem(entry with { HashMatching = entry.HashMatching! with { SourceUrl = url } }, "hashMatching.sourceUrl:");
        AssertSingleProblem(entry with { ResponseTime = entry.ResponseTime! with { SourceUrl = url } }, "responseTime.sourceUrl:");
        AssertSingleProblem(entry with { Escalation = [entry.Escalation![0] with { SourceUrl = url }] }, "escalation[0].sourceUrl:");
        AssertSingleProblem(entry with { Warnings = [entry.Warnings![0] with { SourceUrl = url }] }, "warnings[0].sourceUrl:");
    }

    [Theory]
    [InlineData("", "must be a date written yyyy-MM-dd.")]
    [InlineData("21/11/2026", "must be a date written yyyy-MM-dd.")]
    [InlineData("2026-02-30", "must be a date written yyyy-MM-dd.")]
    [InlineData("2026-11-22", "is in the future.")]
    public void Catches_a_bad_or_future_last_verified_date(string date, string message)
    {
        var entry = TestPlatforms.Valid();
        AssertSingleProblem(entry with { Policy = entry.Policy! with { LastVerified = date } }, "policy.lastVerified: " + message);
        AssertSingleProblem(entry with { Warnings = [entry.Warnings![0] with { LastVerified = date }] }, "warnings[0].lastVerified: " + message);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("a b@example.org")]
    public void Catches_a_bad_email(string email)
    {
        var entry = TestPlatforms.Valid();
        AssertSingleProblem(entry with { NciiRoute = entry.NciiRoute! with { Email = email } }, "nciiRoute.email:");
        AssertSingleProblem(entry with { ExtortionRoute = entry.ExtortionRoute! with { Email = email } }, "extortionRoute.email:");
        AssertSingleProblem(entry with { Dmca = entry.Dmca! with { Email = email } }, "dmca.email:");
    }

    [Fact]
    public void An_extortion_route_is_checked_like_the_intimate_image_route()
    {
        var entry = TestPlatforms.Valid();
        var route = entry.ExtortionRoute!;

        AssertSingleProblem(entry with { ExtortionRoute = route with { SourceUrl = "" } }, "extortionRoute.sourceUrl: must be an https address.");
        AssertSingleProblem(entry with { ExtortionRoute = route with { SourceUrl = "", LastVerified = "", NeedsReview = true } }, "extortionRoute.sourceUrl: must be an https address.");
        AssertSingleProblem(entry with { ExtortionRoute = route with { LastVerified = "" } }, "extortionRoute.lastVerified: must be a date");
        AssertSingleProblem(entry with { ExtortionRoute = route with { LastVerified = "2026-11-22" } }, "extortionRoute.lastVerified: is in the future.");
        AssertSingleProblem(entry with { ExtortionRoute = route with { NeedsReview = true } }, "extortionRoute.lastVerified: a fact that needs review");
        AssertSingleProblem(entry with { ExtortionRoute = route with { HowTo = " " } }, "extortionRoute.howTo: is required.");
        AssertSingleProblem(entry with { ExtortionRoute = route with { HowTo = "Tell them you are a victim." } }, "extortionRoute.howTo: our own wording");
        Assert.Empty(PlatformEntryValidator.Validate(entry with { ExtortionRoute = route with { LastVerified = "", NeedsReview = true } }, Today));
    }

    [Fact]
    public void An_extortion_route_is_optional_but_the_letter_needs_it_and_only_a_platform_has_one()
    {
        var entry = TestPlatforms.Valid();

        Assert.Empty(PlatformEntryValidator.Validate(entry with { ExtortionRoute = null, LetterKinds = [LetterKind.PlatformPolicyReport] }, Today));
        AssertSingleProblem(entry with { ExtortionRoute = null }, "letterKinds: extortionAccountReport needs the platform's extortionRoute");
        AssertSingleProblem(entry with { Kind = PlatformKind.OtherHost }, "extortionRoute: only a platform where people have accounts has one.");
    }

    [Fact]
    public void A_platform_that_takes_copyright_notices_needs_a_form_or_an_email()
    {
        var entry = TestPlatforms.Valid();

        AssertSingleProblem(entry with { Dmca = entry.Dmca! with { FormUrl = null } }, "dmca: a platform that takes notices");
        Assert.Empty(PlatformEntryValidator.Validate(
            entry with { Dmca = entry.Dmca! with { FormUrl = null, Accepted = false }, LetterKinds = [LetterKind.PlatformPolicyReport] }, Today));
    }

    [Fact]
    public void Catches_escalation_steps_out_of_order()
    {
        var entry = TestPlatforms.Valid() with
        {
            Escalation =
            [
                TestPlatforms.Step(EscalationStepKind.Form, "https://example.org/report"),
                TestPlatforms.Step(EscalationStepKind.Regulator, "https://regulator.example.org/"),
                TestPlatforms.Step(EscalationStepKind.TrustAndSafetyEmail, "safety@example.org"),
            ],
        };

        AssertSingleProblem(entry, "escalation[2].step:");
    }

    [Theory]
    [InlineData("http://example.org/x")]
    [InlineData("call us")]
    public void Catches_an_escalation_contact_that_is_neither_https_nor_email(string contact)
    {
        AssertSingleProblem(TestPlatforms.Valid() with { Escalation = [TestPlatforms.Step(EscalationStepKind.Form, contact)] }, "escalation[0].contact:");
    }

    [Theory]
    [InlineData("eu")]
    [InlineData("USA")]
    [InlineData("")]
    public void Catches_a_bad_applies_in_code(string code)
    {
        var step = TestPlatforms.Step(EscalationStepKind.Form, "https://example.org/report") with { AppliesIn = ["US", code] };

        AssertSingleProblem(TestPlatforms.Valid() with { Escalation = [step] }, "escalation[0].appliesIn:");
    }

    [Theory]
    [InlineData(null, "US", true)]
    [InlineData(new[] { "US" }, "us", true)]
    [InlineData(new[] { "US" }, "GB", false)]
    [InlineData(new[] { "EU" }, "FR", true)]
    [InlineData(new[] { "EU" }, "GB", false)]
    [InlineData(new[] { "EU" }, "", false)]
    public void An_escalation_step_applies_where_it_says(string[]? appliesIn, string code, bool expected)
    {
        var step = TestPlatforms.Step(EscalationStepKind.Regulator, "https://regulator.example.org/") with { AppliesIn = appliesIn };

        Assert.Equal(expected, step.AppliesTo(code));
    }

    [Theory]
    [InlineData("Report it as revenge porn.")]
    [InlineData("For any victim of image abuse.")]
    public void Catches_words_we_do_not_use_in_our_own_prose(string text)
    {
        var entry = TestPlatforms.Valid();
        AssertSingleProblem(entry with { Warnings = [entry.Warnings![0] with { Text = text }] }, "warnings[0].text: our own wording");
        AssertSingleProblem(entry with { NciiRoute = entry.NciiRoute! with { HowTo = text } }, "nciiRoute.howTo: our own wording");
    }

    [Fact]
    public void Catches_an_empty_warning_text_and_a_missing_response_time_text()
    {
        var entry = TestPlatforms.Valid();
        AssertSingleProblem(entry with { Warnings = [entry.Warnings![0] with { Text = "" }] }, "warnings[0].text: is required.");
        AssertSingleProblem(entry with { ResponseTime = entry.ResponseTime! with { Text = " " } }, "responseTime.text: is required.");
    }

    [Fact]
    public void Catches_a_missing_or_empty_list_of_letter_kinds()
    {
        AssertSingleProblem(TestPlatforms.Valid() with { LetterKinds = null }, "letterKinds: at least one is required.");
        AssertSingleProblem(TestPlatforms.Valid() with { LetterKinds = [] }, "letterKinds: at least one is required.");
    }

    [Fact]
    public void Catches_an_unknown_listed_twice_or_follow_up_letter_kind()
    {
        AssertSingleProblem(TestPlatforms.Valid() with { LetterKinds = [LetterKind.PlatformPolicyReport, (LetterKind)99] }, "letterKinds: contains an unknown kind.");
        AssertSingleProblem(TestPlatforms.Valid() with { LetterKinds = [LetterKind.PlatformPolicyReport, LetterKind.PlatformPolicyReport] }, "letterKinds: lists a kind more than once.");
        AssertSingleProblem(TestPlatforms.Valid() with { LetterKinds = [LetterKind.PlatformPolicyReport, LetterKind.FollowUp] }, "letterKinds: followUp");
    }

    [Fact]
    public void A_copyright_notice_is_only_offered_where_notices_are_taken()
    {
        var entry = TestPlatforms.Valid();
        var noNotices = entry with { Dmca = entry.Dmca! with { Accepted = false } };

        AssertSingleProblem(noNotices, "letterKinds: dmcaNotice is listed but dmca.accepted is false.");
        Assert.Empty(PlatformEntryValidator.Validate(noNotices with { LetterKinds = [LetterKind.PlatformPolicyReport] }, Today));
    }

    [Fact]
    public void A_search_result_removal_request_is_only_offered_by_a_search_engine()
    {
        var entry = TestPlatforms.Valid() with { LetterKinds = [LetterKind.SearchDelisting] };

        AssertSingleProblem(entry, "letterKinds: searchDelisting is only for a search engine.");
        Assert.Empty(PlatformEntryValidator.Validate(entry with { Kind = PlatformKind.SearchEngine, ExtortionRoute = null }, Today));
    }

    [Fact]
    public void A_dsa_notice_is_only_for_a_hosting_service_never_a_search_engine()
    {
        var entry = TestPlatforms.Valid() with { Kind = PlatformKind.SearchEngine, ExtortionRoute = null, LetterKinds = [LetterKind.SearchDelisting, LetterKind.DsaNotice] };

        AssertSingleProblem(entry, "letterKinds: dsaNotice is only for a hosting service (DSA Article 16), never for a search engine.");
        Assert.Empty(PlatformEntryValidator.Validate(entry with { LetterKinds = [LetterKind.SearchDelisting] }, Today));
        Assert.DoesNotContain(TestLetters.Shipped.Entries, e => e.Kind == PlatformKind.SearchEngine && e.Offers(LetterKind.DsaNotice));
        Assert.False(TestLetters.Shipped.Get("google-search").Offers(LetterKind.DsaNotice));
        Assert.False(TestLetters.Shipped.Get("bing").Offers(LetterKind.DsaNotice));
    }

    [Fact]
    public void A_dsa_notice_goes_only_by_an_electronic_channel()
    {
        Assert.Equal([TakedownChannel.Form, TakedownChannel.Email], LetterChannels.Allowed(LetterKind.DsaNotice));
        Assert.False(LetterChannels.Allows(LetterKind.DsaNotice, TakedownChannel.Post));
        Assert.True(LetterChannels.Allows(LetterKind.PreservationToPlatform, TakedownChannel.Post));
    }

    [Fact]
    public void Offers_is_true_only_for_listed_kinds()
    {
        var entry = TestPlatforms.Valid() with { LetterKinds = [LetterKind.DmcaNotice] };

        Assert.True(entry.Offers(LetterKind.DmcaNotice));
        Assert.False(entry.Offers(LetterKind.PlatformPolicyReport));
        Assert.False((entry with { LetterKinds = null }).Offers(LetterKind.DmcaNotice));
    }

    [Fact]
    public void An_unknown_letter_kind_in_a_file_is_an_error()
    {
        Assert.Throws<InvalidDataException>(() => PlatformDirectory.ParseEntry("{\"schemaVersion\":1,\"letterKinds\":[\"sendFlowers\"]}"));
        Assert.Equal([LetterKind.DsaNotice], PlatformDirectory.ParseEntry("{\"schemaVersion\":1,\"letterKinds\":[\"dsaNotice\"]}").LetterKinds);
    }

    [Fact]
    public void A_platform_needs_its_take_it_down_facts_and_a_search_engine_may_have_none()
    {
        var entry = TestPlatforms.Valid();

        Assert.Equal(
            ["takeItDown: is required for a platform or host (give the FTC complaint address, and the process when known).",
             "letterKinds: takeItDownRequest is listed but takeItDown.process is not recorded (the request goes only through the platform's notice-and-removal process)."],
            PlatformEntryValidator.Validate(entry with { TakeItDown = null }, Today));
        Assert.Empty(PlatformEntryValidator.Validate(
            entry with { Kind = PlatformKind.SearchEngine, ExtortionRoute = null, TakeItDown = null, LetterKinds = [LetterKind.SearchDelisting] }, Today));
    }

    [Fact]
    public void A_take_it_down_request_is_listed_only_with_the_platforms_process()
    {
        var entry = TestPlatforms.Valid();
        var withoutProcess = entry with { TakeItDown = entry.TakeItDown! with { Process = null } };

        AssertSingleProblem(withoutProcess, "letterKinds: takeItDownRequest is listed but takeItDown.process is not recorded");
        Assert.False(withoutProcess.Offers(LetterKind.TakeItDownRequest));
        Assert.Empty(PlatformEntryValidator.Validate(withoutProcess with { LetterKinds = [LetterKind.PlatformPolicyReport] }, Today));
        Assert.True(entry.Offers(LetterKind.TakeItDownRequest));
    }

    [Fact]
    public void A_take_it_down_process_needs_a_form_or_an_email_and_a_source_that_is_read_or_marked_for_review()
    {
        var entry = TestPlatforms.Valid();
        var process = entry.TakeItDown!.Process!;

        AssertSingleProblem(entry with { TakeItDown = entry.TakeItDown with { Process = process with { FormUrl = null } } }, "takeItDown.process: needs the formUrl or the email");
        AssertSingleProblem(entry with { TakeItDown = entry.TakeItDown with { Process = process with { FormUrl = "http://example.org/tida" } } }, "takeItDown.process.formUrl:");
        AssertSingleProblem(entry with { TakeItDown = entry.TakeItDown with { Process = process with { Email = "not an email" } } }, "takeItDown.process.email:");
        AssertSingleProblem(entry with { TakeItDown = entry.TakeItDown with { Process = process with { NeedsReview = true } } }, "takeItDown.process.lastVerified: a fact that needs review");
        AssertSingleProblem(entry with { TakeItDown = entry.TakeItDown with { Process = process with { LastVerified = "" } } }, "takeItDown.process.lastVerified:");
        Assert.Empty(PlatformEntryValidator.Validate(
            entry with { TakeItDown = entry.TakeItDown with { Process = process with { NeedsReview = true, LastVerified = "" } } }, Today));
        Assert.Equal(
            [TakedownChannel.Form, TakedownChannel.Email],
            (process with { Email = "tida@example.org" }).Channels);
    }

    [Fact]
    public void The_ftc_address_is_required_and_https()
    {
        var entry = TestPlatforms.Valid();

        AssertSingleProblem(entry with { TakeItDown = entry.TakeItDown! with { Ftc = null } }, "takeItDown.ftc: is required");
        AssertSingleProblem(entry with { TakeItDown = entry.TakeItDown! with { Ftc = entry.TakeItDown.Ftc! with { Contact = "ftc@example.gov" } } }, "takeItDown.ftc.contact:");
    }

    private static void AssertSingleProblem(PlatformEntry entry, string startsWith)
    {
        var problem = Assert.Single(PlatformEntryValidator.Validate(entry, Today));
        Assert.StartsWith(startsWith, problem, StringComparison.Ordinal);
    }
}
