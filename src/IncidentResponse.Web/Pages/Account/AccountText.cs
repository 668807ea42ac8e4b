namespace IncidentResponse.Web.Pages.Account;

/// <summary>The words of the account pages (sign-in, sign-up, passphrases, recovery codes, devices, passkeys), in AccountText.resx.</summary>
public sealed class AccountText;
