using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

/// <summary>The GDPR / UK GDPR Article 17 delisting request: to whom it is offered, what it says and what follows it.</summary>
public sealed class DataProtectionDelistingTests
{
    private const LetterKind Kind = LetterKind.DataProtectionDelisting;

    [Theory]
    [InlineData("GB")]
    [InlineData("UK")]
    [InlineData("IE")]
    [InlineData("FR")]
    [InlineData("de")]
    [InlineData("NO")]
    public void It_is_offered_for_search_engines_only_to_someone_in_the_eu_eea_or_uk(string code)
    {
        var offered = TestLetters.Shipped.Entries.Where(e => e.OffersIn(Kind, code)).Select(e => e.Id).Order(StringComparer.Ordinal);

        Assert.Equal(["bing", "google-search"], offered);
        Assert.All(TestLetters.Shipped.Entries.Where(e => e.OffersIn(Kind, code)), e => Assert.Equal(PlatformKind.SearchEngine, e.Kind));
    }

    [Theory]
    [InlineData("US")]
    [InlineData("CA")]
    [InlineData("AU")]
    [InlineData("INTL")]
    [InlineData("")]
    [InlineData(null)]
    public void It_is_not_offered_to_someone_outside_the_eu_eea_and_uk(string? code)
    {
        Assert.DoesNotContain(TestLetters.Shipped.Entries, e => e.OffersIn(Kind, code));
        Assert.Contains(TestLetters.Shipped.Entries, e => e.OffersIn(LetterKind.SearchDelisting, code));
    }

    [Fact]
    public void Each_search_engine_that_offers_it_records_its_eu_privacy_form_unverified_until_read_on_its_own_page()
    {
        foreach (var engine in TestLetters.Shipped.Entries.Where(e => e.Offers(Kind)))
        {
            var route = Assert.IsType<DataProtectionRoute>(engine.DataProtectionRoute);
            Assert.StartsWith("https://", route.FormUrl, StringComparison.Ordinal);
            Assert.True(route.NeedsReview || route.LastVerified.Length == 10, engine.Id);
        }
    }

    [Fact]
    public void The_directory_refuses_it_for_a_hosting_platform_and_for_an_engine_without_its_privacy_form()
    {
        var today = new DateOnly(2026, 12, 5);
        var hosting = TestPlatforms.Valid() with { LetterKinds = [Kind], DataProtectionRoute = Route() };
        var engineWithoutForm = TestPlatforms.Valid() with { Kind = PlatformKind.SearchEngine, ExtortionRoute = null, LetterKinds = [Kind] };

        Assert.Contains("letterKinds: dataProtectionDelisting is only for a search engine.", PlatformEntryValidator.Validate(hosting, today));
        Assert.Contains(PlatformEntryValidator.Validate(engineWithoutForm, today), p => p.StartsWith("letterKinds: dataProtectionDelisting needs", StringComparison.Ordinal));
        Assert.Empty(PlatformEntryValidator.Validate(engineWithoutForm with { DataProtectionRoute = Route() }, today));
        Assert.Contains(PlatformEntryValidator.Validate(engineWithoutForm with { DataProtectionRoute = Route() with { LastVerified = "2026-12-01" } }, today),
            p => p.StartsWith("dataProtectionRoute.lastVerified:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_uk_request_cites_the_uk_gdpr_names_the_results_and_searches_and_relies_on_grounds_d_and_c()
    {
        var text = LetterComposer.Compose(Kind, TestLetters.Complete(Kind)).ToPlainText();

        Assert.Contains("Article 17(1) of the UK General Data Protection Regulation (UK GDPR)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2016/679", text, StringComparison.Ordinal);
        Assert.Contains("- https://x.com/someone/status/1 (first seen 1 November 2026)", text, StringComparison.Ordinal);
        Assert.Contains("They appear in searches for: Sam Ally", text, StringComparison.Ordinal);
        Assert.Contains("intimate images of me that were published without my consent", text, StringComparison.Ordinal);
        Assert.Contains("- (d) the personal data have been unlawfully processed", text, StringComparison.Ordinal);
        Assert.Contains("- (c) I object to the processing under Article 21(1)", text, StringComparison.Ordinal);
        Assert.Contains("one calendar month from receiving it.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("December 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_eu_request_cites_the_gdpr_and_its_one_month_answer_period()
    {
        var input = TestLetters.Complete(Kind) with { JurisdictionCode = "FR", SenderActsForPersonShown = true };

        var text = LetterComposer.Compose(Kind, input).ToPlainText();

        Assert.Contains("Article 17(1) of the General Data Protection Regulation (Regulation (EU) 2016/679)", text, StringComparison.Ordinal);
        Assert.Contains("in any event within one month of receiving it.", text, StringComparison.Ordinal);
        Assert.Contains("- (c) the person I represent objects to the processing under Article 21(1), on grounds relating to their particular situation", text, StringComparison.Ordinal);
        Assert.Contains("I write for the person shown in these images, the data subject, with their permission.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void It_identifies_the_person_by_what_they_chose_to_print_and_nothing_more()
    {
        var input = TestLetters.Complete(Kind) with
        {
            Sender = new SenderIdentity
            {
                Name = IdentityField.Public("Sam Ally"),
                Email = IdentityField.Public("contact@example.org"),
                PostalAddress = IdentityField.Private("1 Home Street"),
                Phone = IdentityField.Private("+44 7700 900000"),
            },
        };

        var check = LetterCompleteness.Check(Kind, input);
        var text = LetterComposer.Compose(Kind, input).ToPlainText();

        Assert.True(check.CanFinalise);
        Assert.Contains("Name: Sam Ally", text, StringComparison.Ordinal);
        Assert.Contains("Email: contact@example.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home Street", text, StringComparison.Ordinal);
        Assert.DoesNotContain("7700", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Images posted without consent", text, StringComparison.Ordinal);
    }

    [Fact]
    public void It_cannot_be_finalised_for_someone_outside_the_eu_eea_and_uk_or_to_a_hosting_platform()
    {
        var input = TestLetters.Complete(Kind);

        Assert.True(LetterCompleteness.CanFinalise(Kind, input));
        Assert.True(LetterCompleteness.Check(Kind, input with { JurisdictionCode = "US" }).Reports(CompletenessCodes.NotUnderDataProtectionLaw));
        Assert.True(LetterCompleteness.Check(Kind, input with { Recipient = TestLetters.Shipped.Get("reddit") }).Reports(CompletenessCodes.RecipientNotSearchEngine));
    }

    [Fact]
    public void One_calendar_month_runs_from_the_recorded_submission_and_a_follow_up_after_it_states_that_date()
    {
        var submitted = new DateTime(2026, 11, 21, 9, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 12, 21, 9, 30, 0, DateTimeKind.Utc), LetterComposer.StatedDeadline(Kind, submitted));
        Assert.Equal(new DateTime(2026, 2, 28, 9, 30, 0, DateTimeKind.Utc), LetterComposer.StatedDeadline(Kind, new DateTime(2026, 1, 31, 9, 30, 0, DateTimeKind.Utc)));
        Assert.Null(LetterComposer.StatedDeadline(Kind, null));

        var followUp = TestLetters.Complete(LetterKind.FollowUp) with
        {
            Recipient = TestLetters.Shipped.Get("google-search"),
            JurisdictionCode = "FR",
            LetterDate = new DateOnly(2026, 12, 22),
            Previous = new PreviousRequest(Kind, new DateOnly(2026, 11, 21), null, FollowUpReason.NoAnswerByDeadline,
                LetterComposer.StatedDeadline(Kind, submitted)),
        };
        var text = LetterComposer.Compose(LetterKind.FollowUp, followUp).ToPlainText();

        Assert.Contains("I sent you a data protection delisting request (GDPR Article 17). The law asked for an answer within one month of receiving it, by 21 December 2026. I have had no answer.", text, StringComparison.Ordinal);
        Assert.Contains("data protection supervisory authority", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Coimisiún", text, StringComparison.Ordinal);

        var tooEarly = LetterComposer.Compose(LetterKind.FollowUp, followUp with { LetterDate = new DateOnly(2026, 12, 21) }).ToPlainText();
        Assert.Contains("I have had no answer.", tooEarly, StringComparison.Ordinal);
        Assert.DoesNotContain("by 21 December 2026", tooEarly, StringComparison.Ordinal);
    }

    [Fact]
    public void It_is_not_overdue_before_the_month_it_states_is_up()
    {
        var sent = new DateTimeOffset(2026, 1, 31, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 2, 28, 10, 0, 0, TimeSpan.Zero), TakedownDeadlines.DueBy(Kind, sent));
        Assert.False(TakedownDeadlines.IsOverdue(Kind, sent, sent.AddDays(20)));
        Assert.True(TakedownDeadlines.IsOverdue(Kind, sent, sent.AddDays(29)));
    }

    [Theory]
    [InlineData(LetterKind.PlatformPolicyReport)]
    [InlineData(LetterKind.SearchDelisting)]
    [InlineData(LetterKind.DmcaNotice)]
    [InlineData(LetterKind.DsaNotice)]
    [InlineData(LetterKind.PreservationToPlatform)]
    public void Other_kinds_state_no_date_so_their_follow_ups_state_none(LetterKind kind)
    {
        Assert.Null(LetterComposer.StatedDeadline(kind, new DateTime(2026, 11, 21, 9, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void It_may_be_sent_by_the_engines_form_by_email_or_by_post()
    {
        Assert.Equal([TakedownChannel.Form, TakedownChannel.Email, TakedownChannel.Post], LetterChannels.Allowed(Kind).Order());
    }

    [Fact]
    public void The_searches_go_into_the_letter_as_typed_and_a_private_value_in_them_is_warned_about()
    {
        var input = TestLetters.Complete(Kind);
        input = input with { Sender = input.Sender with { Phone = IdentityField.Private("Sam Private") }, SearchTerms = "Sam Private" };

        var check = LetterCompleteness.Check(Kind, input);

        Assert.Contains(check.Warnings, w => w.Code == CompletenessCodes.PrivateValueInSearchTerms);
        Assert.Contains("They appear in searches for: Sam Private", LetterComposer.Compose(Kind, input).ToPlainText(), StringComparison.Ordinal);
    }

    private static DataProtectionRoute Route() => new()
    {
        FormUrl = "https://example.org/eu-privacy",
        HowTo = "Use the form.",
        SourceUrl = "https://example.org/eu-privacy",
        NeedsReview = true,
    };
}

/// <summary>The list of EU Digital Services Coordinators (DSA Articles 49 and 53) read from its content file.</summary>
public sealed class DigitalServicesCoordinatorsTests
{
    private static readonly DigitalServicesCoordinators Shipped = DigitalServicesCoordinators.LoadEmbedded(DateOnly.FromDateTime(DateTime.UtcNow));

    [Fact]
    public void Every_member_state_has_one_coordinator_with_an_https_address_and_an_honest_source()
    {
        Assert.Equal(EuropeanUnion.MemberCodes, Shipped.All.Select(c => c.CountryCode).Order(StringComparer.Ordinal));
        Assert.All(Shipped.All, c =>
        {
            Assert.StartsWith("https://", c.ComplaintUrl, StringComparison.Ordinal);
            Assert.StartsWith("https://digital-strategy.ec.europa.eu/", c.SourceUrl, StringComparison.Ordinal);
            Assert.True(c.NeedsReview ^ (c.LastVerified.Length > 0), c.CountryCode);
        });
    }

    [Theory]
    [InlineData("FR", "Arcom")]
    [InlineData("ie", "Coimisiún na Meán")]
    [InlineData(" DE ", "Bundesnetzagentur")]
    public void A_person_in_an_eu_country_finds_their_own_coordinator(string code, string expected)
    {
        Assert.StartsWith(expected, Shipped.For(code)!.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GB")]
    [InlineData("US")]
    [InlineData("INTL")]
    [InlineData(null)]
    public void Outside_the_eu_there_is_none(string? code)
    {
        Assert.Null(Shipped.For(code));
    }
}
