using System.Security.Claims;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace IncidentResponse.Web.Accounts;

/// <summary>Accounts: passphrases, the session cookie and its server-side session, step-up and local times.</summary>
public static class AccountServices
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, AppOptions options, IHostEnvironment environment)
    {
        services.AddSingleton(PassphraseValidator.LoadPolicy(environment.ContentRootPath));
        services.AddScoped<SessionStore>();
        services.AddScoped<SignInFlow>();
        services.AddScoped<StepUp>();
        services.AddScoped<RecoveryCodeStore>();
        services.AddScoped<PassphraseRecovery>();
        services.AddScoped<AccountDeletion>();
        services.AddScoped<PasskeyCeremonies>();
        services.AddScoped<RecentPassphraseFilter>();
        services.AddScoped<LocalTimes>();
        services.AddScoped<LocalTimesFilter>();
        services.AddSingleton<SessionCleanup>();
        services.AddHostedService<SessionCleanupDaily>();
        services.Configure<PasswordHasherOptions>(h => h.IterationCount = 210_000);
        services.AddIdentityCore<AppUser>(ConfigureIdentity)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PassphraseValidator>()
            .AddUserValidator<RetiredUsernameValidator>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie => ConfigureSessionCookie(cookie, options));
        services.AddAuthorization(a => a.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    private static void ConfigureIdentity(IdentityOptions identity)
    {
        identity.User.RequireUniqueEmail = false;
        identity.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
        identity.Password.RequireDigit = false;
        identity.Password.RequireLowercase = false;
        identity.Password.RequireUppercase = false;
        identity.Password.RequireNonAlphanumeric = false;
        identity.Password.RequiredUniqueChars = 1;
        identity.Password.RequiredLength = PassphrasePolicy.MinimumLength;
        identity.Lockout.AllowedForNewUsers = true;
        identity.Lockout.MaxFailedAccessAttempts = 5;
        identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        identity.SignIn.RequireConfirmedAccount = false;
    }

    private static void ConfigureSessionCookie(CookieAuthenticationOptions cookie, AppOptions options)
    {
        cookie.Cookie.Name = options.CookiesRequireHttps ? "__Host-ir-session" : "ir-session";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SecurePolicy = options.CookiesRequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.IsEssential = true;
        // The server-side session decides idleness (SessionStore); the cookie only bounds the absolute lifetime,
        // so it can never expire before the page's idle warning has had its say.
        cookie.ExpireTimeSpan = options.AbsoluteTimeout;
        cookie.SlidingExpiration = false;
        cookie.LoginPath = "/account/sign-in";
        cookie.LogoutPath = "/account/sign-out";
        cookie.AccessDeniedPath = "/account/sign-in";
        cookie.ReturnUrlParameter = "returnUrl";
        cookie.Events = new CookieAuthenticationEvents { OnValidatePrincipal = SessionStore.ValidatePrincipalAsync };
    }
}
