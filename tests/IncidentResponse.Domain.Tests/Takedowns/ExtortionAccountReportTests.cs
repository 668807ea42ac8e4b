using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

/// <summary>
/// The report of an account that threatens the person or demands money or images: it names the account and when it
/// made contact, asks the platform to act under its own rules and keep the data for the police, cites no law, and never
/// carries or offers the images.
/// </summary>
public sealed class ExtortionAccountReportTests
{
    private const LetterKind Kind = LetterKind.ExtortionAccountReport;

    private static LetterInput Input(string platform = "instagram") => TestLetters.Complete(Kind) with
    {
        Recipient = TestLetters.Shipped.Get(platform),
        Sightings = [new SightingRef("https://www.instagram.com/demo.threats.account/", "instagram", new DateOnly(2026, 11, 2))],
        Incidents =
        [
            new IncidentRef(new DateOnly(2026, 11, 4), "A demand (money, images or anything else)", "@demo.threats.account"),
            new IncidentRef(new DateOnly(2026, 11, 2), "A threat", " @demo.threats.account "),
            new IncidentRef(new DateOnly(2026, 11, 6), "A threat", "@second.account"),
        ],
        Reasons = null,
    };

    private static string Text(LetterInput input) => LetterComposer.Compose(Kind, input).ToPlainText();

    [Fact]
    public void Names_the_account_its_address_and_each_date_it_made_contact_in_order()
    {
        var text = Text(Input());

        Assert.Contains("The account\n- @demo.threats.account\n- @second.account", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split("@demo.threats.account").Length);
        Assert.Contains("- https://www.instagram.com/demo.threats.account/ (first seen 2 November 2026)", text, StringComparison.Ordinal);
        var first = text.IndexOf("- 2 November 2026: A threat", StringComparison.Ordinal);
        var second = text.IndexOf("- 4 November 2026: A demand (money, images or anything else)", StringComparison.Ordinal);
        var third = text.IndexOf("- 6 November 2026: A threat", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first && third > second, text);
    }

    [Fact]
    public void Asks_the_platform_to_act_under_its_own_rules_keep_the_data_for_the_police_and_cites_no_law()
    {
        var text = Text(Input());

        Assert.Contains("I am reporting an account on Instagram that contacted me with threats to share intimate images of me, or with demands for money or more images.", text, StringComparison.Ordinal);
        Assert.Contains("your rule \"Community Guidelines\" (https://help.instagram.com/477434105621119)", text, StringComparison.Ordinal);
        Assert.Contains("Please remove or suspend this account, and preserve its data", text, StringComparison.Ordinal);
        Assert.Contains("so that the police can ask you for it.", text, StringComparison.Ordinal);
        Assert.Contains("I have reported this to the police, or may do so.", text, StringComparison.Ordinal);
        foreach (var law in new[] { "U.S.C.", " Act", "Regulation", "GDPR", "Directive", "Article", "penalty of perjury" })
        {
            Assert.DoesNotContain(law, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Never_carries_or_offers_the_images_and_under_18_the_advice_says_not_to_upload_them()
    {
        var adult = LetterComposer.Compose(Kind, Input());
        var young = LetterComposer.Compose(Kind, Input() with { MayShowSomeoneUnderEighteen = true });

        foreach (var letter in new[] { adult, young })
        {
            var text = letter.ToPlainText();
            Assert.Contains("I have not attached any images to this report and will not send them. Please do not ask for copies.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("upload", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("attached are", text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(young.Guidance, g => g.StartsWith("Do not attach, upload or send the images", StringComparison.Ordinal) && g.Contains("under 18", StringComparison.Ordinal));
        Assert.DoesNotContain(adult.Guidance, g => g.Contains("under 18", StringComparison.Ordinal));
    }

    [Fact]
    public void Keeps_personal_details_off_exactly_as_the_platforms_own_report_does()
    {
        var input = Input() with
        {
            Sender = new SenderIdentity
            {
                Name = IdentityField.Private("Jordan Legalname"),
                Email = IdentityField.Public("reports.only@example.org"),
                PostalAddress = IdentityField.Private("17 Hidden Lane, Hometown"),
                Phone = IdentityField.Private("+44 7700 900123"),
            },
            Incidents = [.. Input().Incidents, new IncidentRef(new DateOnly(2026, 11, 7), "Messages naming Jordan Legalname", "Jordan Legalname (a fake account)")],
        };

        var letter = LetterComposer.Compose(Kind, input);
        var policyReport = LetterComposer.Compose(LetterKind.PlatformPolicyReport, input with { GoodFaithConfirmed = true });
        var text = letter.ToPlainText();

        Assert.Contains("@demo.threats.account", text, StringComparison.Ordinal);
        Assert.Contains("- [withheld] (a fake account)", text, StringComparison.Ordinal);
        Assert.Contains("- 7 November 2026: Messages naming [withheld]", text, StringComparison.Ordinal);
        foreach (var secret in new[] { "Legalname", "Hidden Lane", "7700" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(policyReport.Sender, letter.Sender);
        Assert.Equal(["Email: reports.only@example.org"], letter.Sender);
        var check = LetterCompleteness.Check(Kind, input);
        Assert.True(check.CanFinalise);
        Assert.Contains(check.Warnings, w => w.Code == CompletenessCodes.PrivateValueInText);
    }

    [Fact]
    public void Written_for_the_person_shown_it_speaks_of_them_not_of_the_sender()
    {
        var text = Text(Input() with { SenderActsForPersonShown = true });

        Assert.Contains("contacted the person I represent with threats to share intimate images of them", text, StringComparison.Ordinal);
        Assert.Contains("The person I represent has reported this to the police, or may do so.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("images of me", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_handle_the_addresses_stand_as_the_account()
    {
        var text = Text(Input() with { Incidents = [new IncidentRef(new DateOnly(2026, 11, 2), "A threat")] });

        Assert.Contains("The account\nWhere to find the account:\n- https://www.instagram.com/demo.threats.account/", text, StringComparison.Ordinal);
        Assert.Contains("- 2 November 2026: A threat", text, StringComparison.Ordinal);
    }
}
