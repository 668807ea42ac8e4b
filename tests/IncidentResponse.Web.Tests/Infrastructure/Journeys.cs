using System.Net;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>What a person does, as intent methods on a client.</summary>
public static class Journeys
{
    public const string GoodPassphrase = "copper meadow violin tide";

    public static string NewUsername() => "user_" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>
    /// Signs up and, as a person would on the next screen, makes the first recovery codes (unless told not to), so
    /// later sign-ins go straight on.
    /// </summary>
    public static async Task<string> SignUpAsync(this AppClient client, string? username = null, string passphrase = GoodPassphrase, bool makeRecoveryCodes = true)
    {
        username ??= NewUsername();
        var result = await client.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.Username"] = username,
            ["Input.Passphrase"] = passphrase,
            ["Input.ConfirmPassphrase"] = passphrase,
        });
        if (result.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-up failed ({(int)result.Status}): {result.MainText}");
        }

        if (makeRecoveryCodes)
        {
            var codes = await client.SubmitAsync("/account/recovery-codes", new Dictionary<string, string>());
            if (codes.Document.QuerySelectorAll("#recovery-codes code").Length != 10)
            {
                throw new InvalidOperationException($"Making recovery codes failed ({(int)codes.Status}): {codes.MainText}");
            }
        }

        return username;
    }

    public static async Task<AppClient.PageResult> SignInAsync(this AppClient client, string username, string passphrase = GoodPassphrase) =>
        await client.SubmitAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Username"] = username,
            ["Input.Passphrase"] = passphrase,
        });

    /// <summary>
    /// Starts a case. Unless a test says otherwise, the person answers the two age questions "No" and "No" (an adult
    /// whose images were made at 18 or over), the only answers under which the case keeps files; null leaves one unanswered.
    /// </summary>
    public static async Task<Guid> CreateCaseAsync(this AppClient client, string title = "Spring notes", string? underEighteenNow = "No", string? madeUnderEighteen = "No", string? country = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Title"] = title };
        if (country is not null)
        {
            fields["Input.JurisdictionCode"] = country;
        }

        if (underEighteenNow is not null)
        {
            fields["Input.UnderEighteenNow"] = underEighteenNow;
        }

        if (madeUnderEighteen is not null)
        {
            fields["Input.MadeUnderEighteen"] = madeUnderEighteen;
        }

        var result = await client.SubmitAsync("/cases/new", fields);
        if (result.Status != HttpStatusCode.Redirect || result.Location is null)
        {
            throw new InvalidOperationException($"Creating a case failed ({(int)result.Status}): {result.MainText}");
        }

        // New cases open on "Safety first": /cases/{id}/safety.
        return Guid.Parse(result.Location.OriginalString.Split('/')[2]);
    }

    /// <summary>A new person, signed up and with one case.</summary>
    public static async Task<(AppClient Client, string Username, Guid CaseId)> NewSurvivorWithCaseAsync(this AppFixture app, string title = "Spring notes")
    {
        var client = app.CreateAppClient();
        var username = await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync(title);
        return (client, username, caseId);
    }
}
