using System.Text.Json;
using Fido2NetLib;
using Fido2NetLib.Objects;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Accounts;

/// <summary>
/// Passkeys (WebAuthn, issue 21) with the Fido2 library: adding one (the person is signed in and stepped up) and
/// signing in with one, without a username (a discoverable credential). Each ceremony's options, with their random
/// challenge, wait in <see cref="PasskeyChallenge"/> for five minutes and are used once, on any instance. The relying
/// party id and the origins come from <c>Passkeys:RelyingPartyId</c> and <c>Passkeys:Origins</c> (comma-separated);
/// without them, the host and origin the request reached (as development and the tests run).
/// </summary>
public sealed class PasskeyCeremonies(AppDbContext db, IConfiguration configuration, AppOptions options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Starts adding a passkey for <paramref name="user"/>: the options to hand to <c>navigator.credentials.create</c>.</summary>
    public async Task<(Guid Ceremony, string OptionsJson)> BeginAddingAsync(AppUser user, HttpRequest request, CancellationToken cancellationToken)
    {
        var existing = await db.Passkeys.AsNoTracking().Where(p => p.UserId == user.Id).Select(p => p.CredentialId).ToListAsync(cancellationToken);
        var create = Fido(request).RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = user.Id.ToByteArray(), Name = user.UserName ?? "", DisplayName = user.UserName ?? "" },
            ExcludeCredentials = [.. existing.Select(id => new PublicKeyCredentialDescriptor(id))],
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = UserVerificationRequirement.Required,
            },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        var json = create.ToJson();
        return (await KeepAsync(user.Id, json, cancellationToken), json);
    }

    /// <summary>Checks the browser's answer and keeps the new passkey; false when it is not a valid answer to this ceremony.</summary>
    public async Task<bool> FinishAddingAsync(AppUser user, Guid ceremony, string responseJson, string name, HttpRequest request, CancellationToken cancellationToken)
    {
        if (await TakeAsync(ceremony, user.Id, cancellationToken) is not { } optionsJson)
        {
            return false;
        }

        try
        {
            var response = JsonSerializer.Deserialize<AuthenticatorAttestationRawResponse>(responseJson)
                ?? throw new JsonException("No answer.");
            var credential = await Fido(request).MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = response,
                OriginalOptions = CredentialCreateOptions.FromJson(optionsJson),
                IsCredentialIdUniqueToUserCallback = async (args, token) => !await db.Passkeys.AnyAsync(p => p.CredentialId == args.CredentialId, token),
            }, cancellationToken);
            db.Passkeys.Add(new Passkey
            {
                Id = Guid.NewGuid(),
                UserId = user.Id,
                CredentialId = credential.Id,
                PublicKey = credential.PublicKey,
                SignCount = credential.SignCount,
                Name = name,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is Fido2VerificationException or JsonException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Starts a sign-in with any passkey of this site (no username): the options for <c>navigator.credentials.get</c>.</summary>
    public async Task<(Guid Ceremony, string OptionsJson)> BeginSignInAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var assertion = Fido(request).GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [],
            UserVerification = UserVerificationRequirement.Required,
        });
        var json = assertion.ToJson();
        return (await KeepAsync(null, json, cancellationToken), json);
    }

    /// <summary>The person and passkey a valid answer proves; null for anything else (unknown passkey, wrong signature, used ceremony).</summary>
    public async Task<(Guid UserId, string PasskeyName)?> FinishSignInAsync(Guid ceremony, string responseJson, HttpRequest request, CancellationToken cancellationToken)
    {
        if (await TakeAsync(ceremony, null, cancellationToken) is not { } optionsJson)
        {
            return null;
        }

        try
        {
            var response = JsonSerializer.Deserialize<AuthenticatorAssertionRawResponse>(responseJson)
                ?? throw new JsonException("No answer.");
            var passkey = await db.Passkeys.SingleOrDefaultAsync(p => p.CredentialId == response.RawId, cancellationToken);
            if (passkey is null)
            {
                return null;
            }

            var result = await Fido(request).MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response,
                OriginalOptions = AssertionOptions.FromJson(optionsJson),
                StoredPublicKey = passkey.PublicKey,
                StoredSignatureCounter = (uint)passkey.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (args, _) => Task.FromResult(
                    args.UserHandle.AsSpan().SequenceEqual(passkey.UserId.ToByteArray()) && args.CredentialId.AsSpan().SequenceEqual(passkey.CredentialId)),
            }, cancellationToken);
            passkey.SignCount = result.SignCount;
            passkey.LastUsedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            return (passkey.UserId, passkey.Name);
        }
        catch (Exception e) when (e is Fido2VerificationException or JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private Fido2 Fido(HttpRequest request)
    {
        var configured = (configuration["Passkeys:Origins"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new Fido2(new Fido2Configuration
        {
            RPID = configuration["Passkeys:RelyingPartyId"] is { Length: > 0 } id ? id : request.Host.Host,
            RPName = options.SiteTitle,
            Origins = configured.Length > 0 ? new HashSet<string>(configured, StringComparer.Ordinal) : [$"{request.Scheme}://{request.Host}"],
        });
    }

    private async Task<Guid> KeepAsync(Guid? userId, string optionsJson, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        db.PasskeyChallenges.Add(new PasskeyChallenge { Id = id, UserId = userId, OptionsJson = optionsJson, ExpiresUtc = clock.GetUtcNow().UtcDateTime + Lifetime });
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>The ceremony's options, if it is this person's (or a sign-in's), unexpired and not yet used; it is used up now.</summary>
    private async Task<string?> TakeAsync(Guid id, Guid? userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var options = await db.PasskeyChallenges.AsNoTracking()
            .Where(c => c.Id == id && c.UserId == userId && c.ExpiresUtc > now)
            .Select(c => c.OptionsJson)
            .SingleOrDefaultAsync(cancellationToken);
        return options is not null && await db.PasskeyChallenges.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken) == 1 ? options : null;
    }
}
