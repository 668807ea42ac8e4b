using IncidentResponse.Domain.Cases;

namespace IncidentResponse.Domain.Tests.Cases;

public sealed class CaseTests
{
    [Fact]
    public void Opening_a_case_makes_its_creator_the_owner()
    {
        var owner = Guid.NewGuid();
        var now = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);

        var opened = Case.Open("  Spring notes  ", owner, now);

        Assert.Equal("Spring notes", opened.Title);
        Assert.NotEqual(Guid.Empty, opened.Id);
        var member = Assert.Single(opened.Members);
        Assert.Equal((opened.Id, owner, CaseRole.Owner, now), (member.CaseId, member.UserId, member.Role, member.JoinedUtc));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_case_needs_a_title(string title) =>
        Assert.ThrowsAny<ArgumentException>(() => Case.Open(title, Guid.NewGuid(), DateTime.UtcNow));

    [Theory]
    [InlineData(CaseRole.Owner, new[] { CaseOperation.View, CaseOperation.AddEntry, CaseOperation.ViewEvidence, CaseOperation.FinaliseLetter, CaseOperation.Share, CaseOperation.Export, CaseOperation.Rename, CaseOperation.Delete, CaseOperation.MarkPrivate, CaseOperation.PrintEvidence, CaseOperation.ViewPrivateSenderDetails, CaseOperation.AnswerAssessment, CaseOperation.ViewRiskAssessment, CaseOperation.ChoosePlaceChecks })]
    [InlineData(CaseRole.Advocate, new[] { CaseOperation.View, CaseOperation.AddEntry, CaseOperation.FinaliseLetter, CaseOperation.ViewPrivateSenderDetails })]
    [InlineData(CaseRole.Helper, new[] { CaseOperation.View, CaseOperation.AddEntry })]
    [InlineData(CaseRole.Viewer, new[] { CaseOperation.View })]
    public void Each_role_may_do_exactly_its_operations(CaseRole role, CaseOperation[] allowed)
    {
        foreach (var operation in Enum.GetValues<CaseOperation>())
        {
            Assert.Equal(allowed.Contains(operation), CasePermissions.Allows(role, operation));
        }
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, true)]
    public void Printing_evidence_pictures_needs_both_export_and_images_granted(bool images, bool export, bool allowed)
    {
        foreach (var role in new[] { CaseRole.Advocate, CaseRole.Helper, CaseRole.Viewer })
        {
            Assert.Equal(allowed, CasePermissions.Allows(role, CaseOperation.PrintEvidence, images, export));
            Assert.Equal(export, CasePermissions.Allows(role, CaseOperation.Export, images, export));
        }

        Assert.True(CasePermissions.Allows(CaseRole.Owner, CaseOperation.PrintEvidence, images, export));
    }

    [Theory]
    [InlineData(CaseRole.Advocate)]
    [InlineData(CaseRole.Helper)]
    [InlineData(CaseRole.Viewer)]
    public void An_ally_sees_the_risk_assessment_only_when_the_owner_shares_it_and_never_answers_it(CaseRole role)
    {
        Assert.False(CasePermissions.Allows(role, CaseOperation.ViewRiskAssessment, evidenceImagesGranted: true, exportAllowed: true));
        Assert.True(CasePermissions.Allows(role, CaseOperation.ViewRiskAssessment, evidenceImagesGranted: false, exportAllowed: false, riskAssessmentShared: true));
        Assert.False(CasePermissions.Allows(role, CaseOperation.AnswerAssessment, evidenceImagesGranted: true, exportAllowed: true, riskAssessmentShared: true));
        Assert.False(CasePermissions.Allows(role, CaseOperation.Export, evidenceImagesGranted: false, exportAllowed: false, riskAssessmentShared: true));
    }
}
