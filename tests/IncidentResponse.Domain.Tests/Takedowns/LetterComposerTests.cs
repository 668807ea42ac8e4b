using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

public sealed class LetterComposerTests
{
    private static readonly Dictionary<LetterKind, LetterElement[]> RequiredElements = new()
    {
        [LetterKind.PlatformPolicyReport] =
            [LetterElement.Recipient, LetterElement.PlatformRule, LetterElement.ContentLocation, LetterElement.GoodFaithStatement, LetterElement.ContactInformation],
        [LetterKind.DmcaNotice] =
        [
            LetterElement.LegalBasis, LetterElement.Signature, LetterElement.CopyrightedWork, LetterElement.ContentLocation,
            LetterElement.ContactInformation, LetterElement.GoodFaithStatement, LetterElement.AccuracyUnderPenaltyOfPerjury,
        ],
        [LetterKind.TakeItDownRequest] =
        [
            LetterElement.LegalBasis, LetterElement.Signature, LetterElement.ContentLocation, LetterElement.GoodFaithStatement,
            LetterElement.ContactInformation, LetterElement.ResponseRequested,
        ],
        [LetterKind.DsaNotice] =
            [LetterElement.LegalBasis, LetterElement.Reasons, LetterElement.ContentLocation, LetterElement.NameAndEmail, LetterElement.GoodFaithStatement],
        [LetterKind.SearchDelisting] =
            [LetterElement.PlatformRule, LetterElement.ContentLocation, LetterElement.GoodFaithStatement, LetterElement.ContactInformation],
        [LetterKind.PreservationToPlatform] =
            [LetterElement.PreservationScope, LetterElement.ContentLocation, LetterElement.ContactInformation],
        [LetterKind.PreservationForPolice] =
            [LetterElement.LegalBasis, LetterElement.PreservationScope, LetterElement.ContentLocation, LetterElement.ContactInformation],
        [LetterKind.FollowUp] =
            [LetterElement.PreviousRequest, LetterElement.ContentLocation, LetterElement.ResponseRequested, LetterElement.ContactInformation],
        [LetterKind.ExtortionAccountReport] =
        [
            LetterElement.Recipient, LetterElement.PlatformRule, LetterElement.ContentLocation, LetterElement.GoodFaithStatement,
            LetterElement.ResponseRequested, LetterElement.ContactInformation,
        ],
        [LetterKind.DataProtectionDelisting] =
        [
            LetterElement.Recipient, LetterElement.LegalBasis, LetterElement.ContentLocation, LetterElement.ErasureGrounds,
            LetterElement.ResponseRequested, LetterElement.ContactInformation,
        ],
    };

    [Theory]
    [MemberData(nameof(TestLetters.Kinds), MemberType = typeof(TestLetters))]
    public void A_complete_letter_has_every_element_its_kind_needs(LetterKind kind)
    {
        var letter = LetterComposer.Compose(kind, TestLetters.Complete(kind));

        Assert.Equal(kind, letter.Kind);
        Assert.All(RequiredElements[kind], e => Assert.True(letter.Has(e), $"{kind} lacks {e}"));
    }

    [Theory]
    [MemberData(nameof(TestLetters.Kinds), MemberType = typeof(TestLetters))]
    public void Every_letter_lists_each_address_with_its_first_seen_date_and_avoids_words_we_do_not_use(LetterKind kind)
    {
        var text = LetterComposer.Compose(kind, TestLetters.Complete(kind)).ToPlainText();

        Assert.Contains("- https://x.com/someone/status/1 (first seen 1 November 2026)", text, StringComparison.Ordinal);
        Assert.Contains("- https://x.com/someone/status/2 (first seen 3 November 2026)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("victim", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("revenge porn", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_dmca_notice_has_all_six_elements_of_section_512c3()
    {
        var text = Compose(LetterKind.DmcaNotice);

        Assert.Contains("17 U.S.C. §512(c)(3)", text, StringComparison.Ordinal);
        Assert.Contains("/s/ Sam Ally", text, StringComparison.Ordinal);
        Assert.Contains("A photograph I took of myself in 2023. I own the copyright in this work.", text, StringComparison.Ordinal);
        Assert.Contains("The infringing material", text, StringComparison.Ordinal);
        Assert.Contains("https://x.com/someone/status/1", text, StringComparison.Ordinal);
        Assert.Contains("Email: contact@example.org", text, StringComparison.Ordinal);
        Assert.Contains("Postal address: PO Box 12, Springfield", text, StringComparison.Ordinal);
        Assert.Contains("Phone: +1 555 0100", text, StringComparison.Ordinal);
        Assert.Contains("good faith belief that use of the material in the manner complained of is not authorized by the copyright owner, its agent, or the law", text, StringComparison.Ordinal);
        Assert.Contains("information in this notification is accurate, and under penalty of perjury, I am authorized to act on behalf of the owner", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dmca_notice_comes_with_guidance_on_who_owns_the_copyright_and_on_registering_it()
    {
        var letter = LetterComposer.Compose(LetterKind.DmcaNotice, TestLetters.Complete(LetterKind.DmcaNotice));

        Assert.Contains(letter.Guidance, g => g.Contains("whoever took the picture", StringComparison.Ordinal));
        Assert.Contains(letter.Guidance, g => g.Contains("register a copyright", StringComparison.Ordinal));
        Assert.Contains(letter.Guidance, g => g.Contains("Lumen", StringComparison.Ordinal));
        Assert.DoesNotContain("whoever took the picture", letter.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dmca_notice_from_an_authorised_agent_says_so()
    {
        var input = TestLetters.Complete(LetterKind.DmcaNotice) with { CopyrightBasis = CopyrightBasis.AuthorisedByOwner };

        Assert.Contains("I am authorized to act for the owner of the copyright in this work.",
            LetterComposer.Compose(LetterKind.DmcaNotice, input).ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_take_it_down_request_has_its_four_elements_and_the_48_hour_deadline()
    {
        var text = Compose(LetterKind.TakeItDownRequest);

        Assert.Contains("TAKE IT DOWN Act", text, StringComparison.Ordinal);
        Assert.Contains("/s/ Sam Ally", text, StringComparison.Ordinal);
        Assert.Contains("The intimate visual depiction of me is at these addresses:", text, StringComparison.Ordinal);
        Assert.Contains("I am the identifiable individual shown, and I have a good faith belief that this intimate visual depiction of me is not consensual", text, StringComparison.Ordinal);
        Assert.Contains("Why it was published without consent\nThis is an intimate image of me shared without my consent", text, StringComparison.Ordinal);
        Assert.Contains("Pub. L. 119-12", text, StringComparison.Ordinal);
        Assert.DoesNotContain("S. 146", text, StringComparison.Ordinal);
        Assert.Contains("Email: contact@example.org", text, StringComparison.Ordinal);
        Assert.Contains("as soon as possible and no later than 48 hours after you receive this request", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_take_it_down_request_states_no_date_of_its_own_for_the_48_hours()
    {
        var input = TestLetters.Complete(LetterKind.TakeItDownRequest);

        var text = LetterComposer.Compose(LetterKind.TakeItDownRequest, input).ToPlainText();

        // The letter is finalised before it is sent: the 48 hours run from receipt, which the letter cannot know.
        Assert.DoesNotContain("at the latest", text, StringComparison.Ordinal);
        Assert.DoesNotContain("23 November 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_take_it_down_request_from_someone_acting_for_the_person_shown_says_they_are_authorised()
    {
        var input = TestLetters.Complete(LetterKind.TakeItDownRequest) with { SenderActsForPersonShown = true };

        var text = LetterComposer.Compose(LetterKind.TakeItDownRequest, input).ToPlainText();

        Assert.Contains("The identifiable individual shown, the person I represent, has a good faith belief that this intimate visual depiction is not consensual", text, StringComparison.Ordinal);
        Assert.Contains("I am authorized to act on their behalf", text, StringComparison.Ordinal);
        Assert.DoesNotContain("I have a good faith belief", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dsa_notice_has_the_article_16_elements()
    {
        var text = Compose(LetterKind.DsaNotice);

        Assert.Contains("Article 16 of Regulation (EU) 2022/2065", text, StringComparison.Ordinal);
        Assert.Contains("Why this content is illegal\nThis is an intimate image of me shared without my consent", text, StringComparison.Ordinal);
        Assert.Contains("The exact addresses of the content:", text, StringComparison.Ordinal);
        Assert.Contains("Name: Sam Ally\nEmail: contact@example.org", text, StringComparison.Ordinal);
        Assert.Contains("bona fide belief that the information and allegations in this notice are accurate and complete", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_platform_report_cites_the_platforms_own_rule()
    {
        var text = Compose(LetterKind.PlatformPolicyReport);

        Assert.Contains("This breaks your rule \"Non-consensual nudity policy\" (https://help.x.com/en/rules-and-policies/intimate-media).", text, StringComparison.Ordinal);
        Assert.Contains("\n\nDate: 21 November 2026\n\nTo: X Corp. (X)\n\nReport of intimate images shared without consent\n\nI am reporting", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_search_delisting_request_asks_to_be_handled_as_a_personal_content_request_not_a_copyright_notice()
    {
        var text = Compose(LetterKind.SearchDelisting);

        Assert.Contains("To: Google LLC (Google Search)", text, StringComparison.Ordinal);
        Assert.Contains("not a copyright notice", text, StringComparison.Ordinal);
        Assert.Contains("Remove explicit or intimate personal images from Google", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_preservation_letter_names_content_accounts_and_logs()
    {
        var text = Compose(LetterKind.PreservationToPlatform);

        Assert.Contains("the content at the addresses below", text, StringComparison.Ordinal);
        Assert.Contains("the accounts that posted or shared it", text, StringComparison.Ordinal);
        Assert.Contains("logs of uploads, access and sharing, with IP addresses and timestamps", text, StringComparison.Ordinal);
        Assert.Contains("- 30 October 2026: Images posted without consent", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_police_preservation_request_in_the_us_cites_2703f()
    {
        var letter = LetterComposer.Compose(LetterKind.PreservationForPolice, TestLetters.Complete(LetterKind.PreservationForPolice));

        Assert.Contains("Under 18 U.S.C. §2703(f), a provider must", letter.ToPlainText(), StringComparison.Ordinal);
        Assert.Contains("To: the investigating officer", letter.ToPlainText(), StringComparison.Ordinal);
        Assert.Contains("Police reference: CR-2026-55", letter.ToPlainText(), StringComparison.Ordinal);
        Assert.Contains(letter.Guidance, g => g.Contains("governmental entity", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GB")]
    [InlineData("IE")]
    [InlineData("AU")]
    [InlineData("CA")]
    [InlineData("")]
    public void A_police_preservation_request_outside_the_us_does_not_cite_2703f_and_says_foreign_requests_are_voluntary(string code)
    {
        var input = TestLetters.Complete(LetterKind.PreservationForPolice) with { JurisdictionCode = code };

        var letter = LetterComposer.Compose(LetterKind.PreservationForPolice, input);

        Assert.DoesNotContain("2703", letter.ToPlainText(), StringComparison.Ordinal);
        Assert.All(letter.Guidance, g => Assert.DoesNotContain("2703", g, StringComparison.Ordinal));
        Assert.Contains("such a request is voluntary", letter.ToPlainText(), StringComparison.Ordinal);
        Assert.Contains("mutual legal assistance", letter.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_plan_never_suggests_asking_the_person_responsible_to_keep_posts()
    {
        var preservation = SafetyStepCatalog.Get(SafetyStepCatalog.PreservationRequest);

        Assert.DoesNotContain("the person to keep", preservation.Body, StringComparison.Ordinal);
        Assert.Contains("Do not ask the person responsible to keep anything", preservation.Body, StringComparison.Ordinal);
        Assert.All(SafetyStepCatalog.Steps,
            step => Assert.DoesNotContain("or the person to keep", step.Body, StringComparison.Ordinal));
    }

    [Fact]
    public void A_preservation_letter_to_a_platform_warns_that_the_account_holder_may_learn_of_it()
    {
        var letter = LetterComposer.Compose(LetterKind.PreservationToPlatform, TestLetters.Complete(LetterKind.PreservationToPlatform));

        Assert.Contains(letter.Guidance, g => g.Contains("It may tell the account holder", StringComparison.Ordinal));
    }

    [Fact]
    public void A_follow_up_names_the_earlier_request_its_deadline_and_the_next_step()
    {
        var text = Compose(LetterKind.FollowUp);

        Assert.Contains("On 10 November 2026 I sent you a report of intimate images shared without consent (your reference T-123).", text, StringComparison.Ordinal);
        Assert.Contains("I have had no answer.", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestLetters.Kinds), MemberType = typeof(TestLetters))]
    public void A_follow_up_states_a_deadline_only_where_the_law_set_one_counted_from_the_recorded_submission(LetterKind previousKind)
    {
        var submitted = new DateTime(2026, 11, 10, 21, 40, 0, DateTimeKind.Utc);
        var stated = LetterComposer.StatedDeadline(previousKind, submitted);
        var input = TestLetters.Complete(LetterKind.FollowUp) with
        {
            LetterDate = DateOnly.FromDateTime(submitted).AddMonths(2),
            Previous = new PreviousRequest(previousKind, DateOnly.FromDateTime(submitted), null, FollowUpReason.NoAnswerByDeadline, stated),
        };

        var text = LetterComposer.Compose(LetterKind.FollowUp, input).ToPlainText();

        Assert.DoesNotContain("within 7 days", text, StringComparison.Ordinal);
        if (previousKind is not (LetterKind.TakeItDownRequest or LetterKind.DataProtectionDelisting))
        {
            Assert.Null(stated);
            Assert.DoesNotContain("required removal", text, StringComparison.Ordinal);
            Assert.DoesNotContain("within 48 hours", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(LetterComposer.StatedDeadline(previousKind, null));
            if (previousKind == LetterKind.TakeItDownRequest)
            {
                Assert.Equal(submitted.AddHours(48), stated);
                Assert.Contains("required removal within 48 hours of receiving it, by 12 November 2026, 21:40 UTC. I have had no answer.", text, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(submitted.AddMonths(1), stated);
                Assert.Contains("The law asked for an answer within one month of receiving it, by 10 December 2026. I have had no answer.", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_follow_up_to_a_take_it_down_request_names_the_ftc_and_one_to_another_letter_does_not()
    {
        var tida = TestLetters.Complete(LetterKind.FollowUp) with
        {
            Previous = new PreviousRequest(LetterKind.TakeItDownRequest, new DateOnly(2026, 11, 10), null, FollowUpReason.NoAnswerByDeadline, null),
        };

        Assert.Contains("I will take this to US Federal Trade Commission, TAKE IT DOWN Act reports",
            LetterComposer.Compose(LetterKind.FollowUp, tida).ToPlainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Federal Trade Commission",
            LetterComposer.Compose(LetterKind.FollowUp, TestLetters.Complete(LetterKind.FollowUp)).ToPlainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IE", "I will take this to Coimisiún na Meán")]
    [InlineData("de", "I will take this to Coimisiún na Meán")]
    public void A_follow_up_names_the_next_step_open_to_someone_where_the_person_lives(string code, string expected)
    {
        var input = TestLetters.Complete(LetterKind.FollowUp) with { JurisdictionCode = code };

        Assert.Contains(expected, LetterComposer.Compose(LetterKind.FollowUp, input).ToPlainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DE", "I will take this to Bundesnetzagentur (Federal Network Agency), the Digital Services Coordinator in Germany.")]
    [InlineData("IE", "I will take this to Coimisiún na Meán, the Digital Services Coordinator in Ireland.")]
    public void A_follow_up_to_a_dsa_notice_names_the_coordinator_where_the_person_lives(string code, string expected)
    {
        var coordinators = DigitalServicesCoordinators.LoadEmbedded(TestLetters.Today);
        var input = TestLetters.Complete(LetterKind.FollowUp) with
        {
            JurisdictionCode = code,
            Coordinator = coordinators.For(code),
            Previous = new PreviousRequest(LetterKind.DsaNotice, new DateOnly(2026, 11, 10), null, FollowUpReason.NoAnswerByDeadline, null),
        };

        var text = LetterComposer.Compose(LetterKind.FollowUp, input).ToPlainText();

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "I will take this to"));
    }

    [Fact]
    public void A_follow_up_to_another_letter_keeps_the_platforms_own_next_step_even_in_the_eu()
    {
        var input = TestLetters.Complete(LetterKind.FollowUp) with
        {
            JurisdictionCode = "DE",
            Coordinator = DigitalServicesCoordinators.LoadEmbedded(TestLetters.Today).For("DE"),
        };

        var text = LetterComposer.Compose(LetterKind.FollowUp, input).ToPlainText();

        Assert.DoesNotContain("Bundesnetzagentur", text, StringComparison.Ordinal);
        Assert.Contains("I will take this to Coimisiún na Meán", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_follow_up_names_no_regulator_when_none_applies()
    {
        var input = TestLetters.Complete(LetterKind.FollowUp) with { JurisdictionCode = "AU" };

        var text = LetterComposer.Compose(LetterKind.FollowUp, input).ToPlainText();

        Assert.Contains("as soon as you can.\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("I will take this to", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Statements_about_consent_read_naturally_for_the_person_and_for_someone_acting_for_them()
    {
        var own = Compose(LetterKind.PlatformPolicyReport);
        var forThem = LetterComposer.Compose(LetterKind.PlatformPolicyReport,
            TestLetters.Complete(LetterKind.PlatformPolicyReport) with { SenderActsForPersonShown = true }).ToPlainText();

        Assert.Contains("shared without my consent, and that the information", own, StringComparison.Ordinal);
        Assert.Contains("shared without the consent of the person I represent, and that", forThem, StringComparison.Ordinal);
        Assert.Contains("I am writing on behalf of the person shown, with their permission.", forThem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_follow_up_after_a_refusal_asks_for_a_review()
    {
        var input = TestLetters.Complete(LetterKind.FollowUp);
        input = input with { Previous = input.Previous! with { Reason = FollowUpReason.Refused } };

        Assert.Contains("You declined to remove the content. I ask you to review that decision",
            LetterComposer.Compose(LetterKind.FollowUp, input).ToPlainText(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestLetters.Kinds), MemberType = typeof(TestLetters))]
    public void Missing_statements_are_left_out_rather_than_made_up(LetterKind kind)
    {
        var input = TestLetters.Complete(kind) with { GoodFaithConfirmed = false, SignatureConfirmed = false, AccuracyConfirmed = false };

        var letter = LetterComposer.Compose(kind, input);

        Assert.False(letter.Has(LetterElement.GoodFaithStatement));
        Assert.False(letter.Has(LetterElement.Signature));
        Assert.False(letter.Has(LetterElement.AccuracyUnderPenaltyOfPerjury));
        Assert.DoesNotContain("/s/", letter.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Addresses_that_are_not_web_addresses_or_repeat_are_left_out_of_the_letter()
    {
        var input = TestLetters.Complete(LetterKind.PlatformPolicyReport) with
        {
            Sightings =
            [
                new SightingRef("https://x.com/a", "x", TestLetters.Today),
                new SightingRef("HTTPS://X.COM/a/", "x", TestLetters.Today),
                new SightingRef("javascript:alert(1)", "x", TestLetters.Today),
            ],
        };

        var text = LetterComposer.Compose(LetterKind.PlatformPolicyReport, input).ToPlainText();

        Assert.Contains("- https://x.com/a (first seen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("X.COM", text, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_reads_as_a_letter_sender_date_recipient_title_body_signature_a_blank_line_between_blocks()
    {
        var letter = new LetterDocument(LetterKind.FollowUp, "Title",
            [new LetterSection(null, ["One", "Two"]), new LetterSection("Heading", ["Three"])], [], [])
        {
            Sender = ["Name: Sam", "Email: sam@example.org"],
            DateLine = "Date: 1 May 2026",
            RecipientLine = "To: Them",
            Signature = ["/s/ Sam", "Signed"],
        };

        Assert.Equal("Name: Sam\nEmail: sam@example.org\n\nDate: 1 May 2026\n\nTo: Them\n\nTitle\n\nOne\nTwo\n\nHeading\nThree\n\n/s/ Sam\nSigned\n", letter.ToPlainText());
        Assert.Equal("Title\n\nOne\n", new LetterDocument(LetterKind.FollowUp, "Title", [new LetterSection(null, ["One"])], [], []).ToPlainText());
    }

    [Theory]
    [MemberData(nameof(TestLetters.Kinds), MemberType = typeof(TestLetters))]
    public void Every_complete_letter_puts_the_sender_then_the_date_the_recipient_and_its_one_title_before_the_body_and_the_signature_last(LetterKind kind)
    {
        var letter = LetterComposer.Compose(kind, TestLetters.Complete(kind));
        var blocks = letter.ToPlainText().TrimEnd('\n').Split("\n\n");

        Assert.StartsWith("Name: Sam Ally\n", blocks[0], StringComparison.Ordinal);
        Assert.StartsWith("Date: ", blocks[1], StringComparison.Ordinal);
        Assert.StartsWith("To: ", blocks[2], StringComparison.Ordinal);
        Assert.Equal(LetterComposer.HeadingOf(kind), blocks[3]);
        Assert.Single(blocks, b => b.Contains(LetterComposer.HeadingOf(kind), StringComparison.Ordinal));
        if (letter.Has(LetterElement.Signature))
        {
            Assert.StartsWith("/s/ Sam Ally\nSigned electronically on ", blocks[^1], StringComparison.Ordinal);
        }
    }

    private static string Compose(LetterKind kind) => LetterComposer.Compose(kind, TestLetters.Complete(kind)).ToPlainText();
}
