using System.Text.Json;
using System.Text.RegularExpressions;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

/// <summary>
/// The legal citations and statutory wording letters print come from <c>Content/law/letter-wording.json</c>: read here
/// straight from the embedded file (not through <see cref="LetterWording"/>), every wording is printed by the letter or
/// guidance that uses it, word for word around its placeholders.
/// </summary>
public sealed partial class LetterWordingTests
{
    /// <summary>Where each wording is printed: the kind, and where the person lives.</summary>
    private static readonly Dictionary<string, (LetterKind Kind, string Jurisdiction)> UsedBy = new()
    {
        ["dmca.legalBasis"] = (LetterKind.DmcaNotice, "US"),
        ["dmca.goodFaith"] = (LetterKind.DmcaNotice, "US"),
        ["dmca.accuracy"] = (LetterKind.DmcaNotice, "US"),
        ["dmca.guidance.ownership"] = (LetterKind.DmcaNotice, "US"),
        ["dmca.guidance.registration"] = (LetterKind.DmcaNotice, "US"),
        ["dmca.guidance.perjury"] = (LetterKind.DmcaNotice, "US"),
        ["dsa.legalBasis"] = (LetterKind.DsaNotice, "FR"),
        ["dsa.goodFaith"] = (LetterKind.DsaNotice, "FR"),
        ["dsa.identityOptional"] = (LetterKind.DsaNotice, "FR"),
        ["dsa.responseRequested"] = (LetterKind.DsaNotice, "FR"),
        ["preservationForPolice.basis.us"] = (LetterKind.PreservationForPolice, "US"),
        ["preservationForPolice.basis.elsewhere"] = (LetterKind.PreservationForPolice, "GB"),
        ["preservationForPolice.guidance.us"] = (LetterKind.PreservationForPolice, "US"),
        ["preservationForPolice.guidance.elsewhere"] = (LetterKind.PreservationForPolice, "GB"),
        ["dataProtection.legalBasis.eu"] = (LetterKind.DataProtectionDelisting, "FR"),
        ["dataProtection.legalBasis.uk"] = (LetterKind.DataProtectionDelisting, "GB"),
        ["dataProtection.grounds.lead"] = (LetterKind.DataProtectionDelisting, "GB"),
        ["dataProtection.grounds.unlawful"] = (LetterKind.DataProtectionDelisting, "GB"),
        ["dataProtection.grounds.objection"] = (LetterKind.DataProtectionDelisting, "IE"),
        ["dataProtection.answerPeriod.eu"] = (LetterKind.DataProtectionDelisting, "IE"),
        ["dataProtection.answerPeriod.uk"] = (LetterKind.DataProtectionDelisting, "GB"),
        ["dataProtection.guidance"] = (LetterKind.DataProtectionDelisting, "GB"),
        ["followUp.dataProtection.escalation"] = (LetterKind.FollowUp, "GB"),
        ["takeItDown.legalBasis"] = (LetterKind.TakeItDownRequest, "US"),
        ["takeItDown.goodFaith.self"] = (LetterKind.TakeItDownRequest, "US"),
        ["takeItDown.goodFaith.forOther"] = (LetterKind.TakeItDownRequest, "US"),
        ["followUp.takeItDown.noAnswer"] = (LetterKind.FollowUp, "US"),
        ["followUp.takeItDown.ask"] = (LetterKind.FollowUp, "US"),
    };

    public static TheoryData<string> Keys() => new(RawWordings().Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Every_wording_in_the_file_is_printed_somewhere_and_has_a_citation()
    {
        Assert.Equal(RawWordings().Keys.Order(StringComparer.Ordinal), UsedBy.Keys.Order(StringComparer.Ordinal));
        Assert.All(LetterWording.Entries.Values, w => Assert.False(string.IsNullOrWhiteSpace(w.Citation), w.Key));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void The_composer_prints_what_the_content_file_says(string key)
    {
        var (kind, jurisdiction) = UsedBy[key];
        var input = TestLetters.Complete(kind) with { JurisdictionCode = jurisdiction };
        if (kind == LetterKind.FollowUp && key.StartsWith("followUp.takeItDown.", StringComparison.Ordinal))
        {
            var submitted = new DateTime(2026, 11, 10, 21, 40, 0, DateTimeKind.Utc);
            input = input with
            {
                LetterDate = new DateOnly(2026, 12, 1),
                Previous = new PreviousRequest(LetterKind.TakeItDownRequest, DateOnly.FromDateTime(submitted), null, FollowUpReason.NoAnswerByDeadline,
                    LetterComposer.StatedDeadline(LetterKind.TakeItDownRequest, submitted)),
            };
        }
        else if (kind == LetterKind.FollowUp)
        {
            input = input with { Previous = new PreviousRequest(LetterKind.DataProtectionDelisting, new DateOnly(2026, 11, 21), null, FollowUpReason.NoAnswerByDeadline, null) };
        }

        if (key == "dsa.identityOptional")
        {
            input = input with { MayShowSomeoneUnderEighteen = true, Sender = new SenderIdentity() };
        }

        if (key == "takeItDown.goodFaith.forOther")
        {
            input = input with { SenderActsForPersonShown = true };
        }

        var letter = LetterComposer.Compose(kind, input);
        var printed = letter.ToPlainText() + string.Join("\n", letter.Guidance);

        foreach (var words in Placeholder().Split(RawWordings()[key]).Where(w => w.Length > 0))
        {
            Assert.Contains(words, printed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_boxes_a_person_ticks_show_the_content_files_words()
    {
        Assert.Equal(RawWordings()["dmca.accuracy"], LetterComposer.DmcaAccuracy);
        Assert.Equal(RawWordings()["dmca.goodFaith"], LetterComposer.GoodFaithStatement(LetterKind.DmcaNotice, senderActsForPersonShown: false));
        Assert.Equal(RawWordings()["dsa.goodFaith"], LetterComposer.GoodFaithStatement(LetterKind.DsaNotice, senderActsForPersonShown: true));
        Assert.Equal(RawWordings()["takeItDown.goodFaith.self"], LetterComposer.GoodFaithStatement(LetterKind.TakeItDownRequest, senderActsForPersonShown: false));
        Assert.Equal(RawWordings()["takeItDown.goodFaith.forOther"], LetterComposer.GoodFaithStatement(LetterKind.TakeItDownRequest, senderActsForPersonShown: true));
    }

    private static Dictionary<string, string> RawWordings()
    {
        using var stream = typeof(LetterWording).Assembly.GetManifestResourceStream(LetterWording.ResourceName)!;
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("wording").EnumerateArray()
            .ToDictionary(w => w.GetProperty("key").GetString()!, w => w.GetProperty("text").GetString()!, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\{[a-z]+\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
